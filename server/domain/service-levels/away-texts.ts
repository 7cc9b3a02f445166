/**
 * The away acknowledgement's default wording, per language (the widget's
 * languages: en, id, ar). `{day}`, `{time}` and `{timezone}` are filled in;
 * `closed` is for a schedule with no next opening in sight.
 */
export interface AwayTexts {
  away: string;
  closed: string;
}

export const AWAY_TEXTS = {
  en: {
    away: "Thanks for your message! We're away right now and back on {day} at {time} ({timezone}).",
    closed: "Thanks for your message! We're away right now and will reply as soon as we're back.",
  },
  id: {
    away: 'Terima kasih atas pesan Anda! Kami sedang tidak aktif dan akan kembali pada {day} pukul {time} ({timezone}).',
    closed: 'Terima kasih atas pesan Anda! Kami sedang tidak aktif dan akan membalas segera setelah kembali.',
  },
  ar: {
    away: 'شكرًا على رسالتك! نحن غير متاحين الآن وسنعود يوم {day} الساعة {time} ({timezone}).',
    closed: 'شكرًا على رسالتك! نحن غير متاحين الآن وسنرد عليك فور عودتنا.',
  },
} as const satisfies Record<string, AwayTexts>;

export type AwayLanguage = keyof typeof AWAY_TEXTS;
