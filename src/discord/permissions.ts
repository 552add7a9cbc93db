import { PermissionFlagsBits, type Interaction } from 'discord.js';

/**
 * Manage Server, or one of the configured moderator roles. Checked in code as well as by
 * `default_member_permissions`, because server admins can override command permissions.
 */
export function isModerator(interaction: Interaction, moderatorRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member.roles;
  const ids = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return ids.some((id) => moderatorRoleIds.includes(id));
}
