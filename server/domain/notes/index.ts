export { type MentionCandidate, findMentions } from './mentions.js';
export { NoteStore, toNote } from './notes.js';
