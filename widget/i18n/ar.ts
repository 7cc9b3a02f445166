import type { Strings } from './en.js';

/** Arabic (right-to-left). */
export const ar: Strings = {
  openMessenger: 'افتح المحادثة',
  closeMessenger: 'أغلق المحادثة',
  messengerTitle: 'المراسلة',
  unreadBadge: (n: number) => `${n} رسائل غير مقروءة`,
  conversations: 'المحادثات',
  newConversation: 'أرسل لنا رسالة',
  noConversations: 'لا توجد محادثات بعد.',
  back: 'العودة إلى المحادثات',
  message: 'الرسالة',
  messagePlaceholder: 'اكتب رسالة…',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  failed: 'لم تُرسل.',
  emoji: 'إدراج رمز تعبيري',
  discard: 'حذف',
  retry: 'أعد المحاولة',
  seen: 'تمت المشاهدة',
  you: 'أنت',
  team: 'الفريق',
  typing: (name: string) => (name ? `${name} يكتب…` : 'أحدهم يكتب…'),
  offline: 'جارٍ إعادة الاتصال…',
  closedConversation: 'هذه المحادثة مغلقة. اكتب لإعادة فتحها.',
  newMessageFrom: (name: string) => `رسالة جديدة من ${name}`,
  close: 'إغلاق',
};
