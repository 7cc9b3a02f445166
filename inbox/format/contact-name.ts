/** How a contact is named in the list, the thread header and announcements. */
import type { ContactSummary } from '../../protocol/index.js';

export function contactDisplayName(contact: Pick<ContactSummary, 'id' | 'name' | 'email'>): string {
  const name = contact.name?.trim();
  if (name) return name;
  const email = contact.email?.trim();
  if (email) return email;
  return `Visitor ${shortId(contact.id)}`;
}

/** The tail of an id: ids may share a prefix (`con_…`), their random end tells them apart. */
export function shortId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '').slice(-6);
}

/** One or two letters for the avatar; words that start with a digit ("Visitor 0ZLWZs") add none. */
export function initials(displayName: string): string {
  const words = displayName.split(/[\s@._-]+/).filter(Boolean);
  if (words.length < 2) return displayName.slice(0, 2).toUpperCase();
  const letters = words
    .slice(0, 2)
    .map((word) => word[0])
    .filter((char) => /\p{L}/u.test(char));
  return (letters.join('') || displayName.slice(0, 1)).toUpperCase();
}
