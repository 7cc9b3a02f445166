/**
 * What bots say by themselves, per language (the widget's: en, id, ar): the
 * error that re-asks an invalid answer, and the answer bot's lines. A bot's
 * own questions are the admin's words, in whatever language they wrote.
 */
export interface BotTexts {
  invalid: Record<'email' | 'number' | 'text' | 'choice', string>;
  articlesIntro: string;
  didThatHelp: string;
  yes: string;
  no: string;
  glad: string;
  teammate: string;
}

const TEXTS = {
  en: {
    invalid: {
      email: "That doesn't look like an email address. Could you check it?",
      number: 'Please answer with a number.',
      text: 'Please type your answer.',
      choice: 'Please choose one of the options.',
    },
    articlesIntro: 'These articles might help:',
    didThatHelp: 'Did that help?',
    yes: 'Yes, thanks',
    no: 'No, talk to a person',
    glad: "Great, glad it helped! Write here any time if there's anything else.",
    teammate: 'No problem: a teammate will reply here soon.',
  },
  id: {
    invalid: {
      email: 'Sepertinya itu bukan alamat email. Bisa diperiksa lagi?',
      number: 'Mohon jawab dengan angka.',
      text: 'Mohon ketik jawaban Anda.',
      choice: 'Mohon pilih salah satu opsi.',
    },
    articlesIntro: 'Artikel ini mungkin membantu:',
    didThatHelp: 'Apakah itu membantu?',
    yes: 'Ya, terima kasih',
    no: 'Tidak, bicara dengan orang',
    glad: 'Senang bisa membantu! Tulis di sini kapan saja jika ada hal lain.',
    teammate: 'Baik: rekan tim kami akan segera membalas di sini.',
  },
  ar: {
    invalid: {
      email: 'لا يبدو هذا عنوان بريد إلكتروني. هل يمكنك التحقق منه؟',
      number: 'يرجى الإجابة برقم.',
      text: 'يرجى كتابة إجابتك.',
      choice: 'يرجى اختيار أحد الخيارات.',
    },
    articlesIntro: 'قد تساعدك هذه المقالات:',
    didThatHelp: 'هل ساعدك ذلك؟',
    yes: 'نعم، شكرًا',
    no: 'لا، أريد التحدث مع شخص',
    glad: 'رائع، يسعدنا أن ذلك ساعدك! اكتب هنا في أي وقت إذا احتجت شيئًا آخر.',
    teammate: 'لا مشكلة: سيرد عليك أحد أعضاء الفريق هنا قريبًا.',
  },
} as const satisfies Record<string, BotTexts>;

/** The texts for a contact's locale ("id-ID", "in", "ar-EG"…), English for any other. */
export function botTexts(locale: string | null | undefined): BotTexts {
  let lang = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (lang === 'in') lang = 'id'; // the old ISO code for Indonesian
  return lang === 'id' || lang === 'ar' ? TEXTS[lang] : TEXTS.en;
}
