import type { Strings } from './en.js';

/** Bahasa Indonesia. */
export const id: Strings = {
  openMessenger: 'Buka messenger',
  closeMessenger: 'Tutup messenger',
  messengerTitle: 'Messenger',
  unreadBadge: (n: number) => `${n} pesan belum dibaca`,
  conversations: 'Percakapan',
  newConversation: 'Kirim pesan kepada kami',
  noConversations: 'Belum ada percakapan.',
  back: 'Kembali ke percakapan',
  message: 'Pesan',
  messagePlaceholder: 'Tulis pesan…',
  send: 'Kirim',
  sending: 'Mengirim…',
  failed: 'Tidak terkirim.',
  emoji: 'Sisipkan emoji',
  discard: 'Hapus',
  retry: 'Coba lagi',
  seen: 'Dilihat',
  you: 'Anda',
  team: 'Tim',
  typing: (name: string) => (name ? `${name} sedang mengetik…` : 'Seseorang sedang mengetik…'),
  offline: 'Menyambungkan kembali…',
  closedConversation: 'Percakapan ini sudah ditutup. Tulis pesan untuk membukanya kembali.',
  newMessageFrom: (name: string) => `Pesan baru dari ${name}`,
  close: 'Tutup',
};
