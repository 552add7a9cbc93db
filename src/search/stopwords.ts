/** Question scaffolding that carries no topic: dropped from queries before searching and measuring coverage. */
export const QUERY_STOPWORDS = new Set([
  // Korean question words and light verbs (compared after particle stripping too)
  '누가', '누구', '누구야', '무엇', '무엇을', '뭐', '뭘', '뭐야', '뭐라고', '뭔가', '뭔가요', '뭐지', '어떤', '어떻게', '어때',
  '왜', '언제', '어디', '어디서', '어디에', '얼마', '얼마나', '몇', '무슨', '했어', '했나', '했나요', '했어요', '했니', '했지',
  '했습니까', '했는지', '말했어', '말했나', '말했어요', '했대', '한대', '있어', '있나', '있나요', '있어요', '있니', '있는지',
  '거라고', '것이라고', '것', '거', '수', '대해', '대해서', '관해', '관해서', '관한', '대한', '알려줘', '알려', '설명해줘',
  '말해줘', '이야', '인가', '인가요', '인지', '건가', '건가요', '나요', '요', '좀', '그', '이', '저', '기사', '기사에서',
  '기사에', '됐어', '됐나', '되나', '돼', '해', '하나', '하니', '봤어', '봤나', '한', '하는', '했던', '된', '내용', '사람',
  '이유', '의미', '뜻', '정도', '무엇인가요', '뭔데', '어떤가요', '날은', '날이', '날짜는', '얼마야', '얼마래', '몇이야',
  '언제부터', '어디까지', '어디부터', '몇시', '몇시부터', '몇시까지', '어느', '뭘로', '뭐로', '때문', '건', '걸',
  '뭐임', '뭐냐', '뭔지', '머야', '머임', '뭐예요', '뭐에요', '뭐죠', '할', '와', '써', '이름', '이름이',
  // 되다 and 하다 closing a question (`틱톡은 어떻게 될까?`): the topic is the word before them
  '될까', '될까요', '되나요', '되니', '되냐', '되는지', '될지', '됩니까', '됐나요', '됐어요', '됐니', '됐냐', '됐는지',
  '되었나', '되었어', '되었나요', '되었어요', '되었는지', '돼요', '되죠', '할까', '할까요', '하나요', '하냐', '하는지',
  '할지', '합니까', '했냐', '해요', '하죠',
  // 나다 of an event (`산불은 어디서 났어?`), and how long it has gone on (`며칠째야?`): the topic is the noun
  '났어', '났나', '났나요', '났어요', '났대', '났니', '났는지', '났냐', '며칠째', '몇일째', '며칠째야',
  // English
  'what', 'who', 'whom', 'which', 'when', 'where', 'why', 'how', 'is', 'are', 'was', 'were', 'be', 'do', 'does', 'did',
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'about', 'say', 'said', 'says', 'tell', 'me', 'it',
  'this', 'that', 'article', 'with', 'by', 'from', 'as', 'at', 'its', 'their', 'they', 'he', 'she', 'his', 'her',
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'has', 'have', 'had', 'happen', 'happens', 'happened',
  'there', 'any', 'you', 'we', 'i', 'my', 'our', 'your', 'them', 'these', 'those', 'much', 'many', 'think', 'thinks',
  // what an apostrophe leaves (`government's`, `didn't`)
  's', 't',
]);
