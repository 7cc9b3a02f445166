/**
 * The demo workspace's help center (seeded on a new database): two
 * collections and a few articles in English, Indonesian and Arabic, linked
 * as translations, some suggested on the demo's own pages. "How to update
 * your card" is the article the seeded payment-failed message links to.
 * Parsed like POST /api/v1/articles bodies, so the seed can't drift from
 * what the API accepts.
 */
import { createHelpArticleSchema, createHelpCollectionSchema, type HelpLocale } from '../../../protocol/index.js';
import type { HelpCenter } from './index.js';

interface DemoArticle {
  slug: string;
  collection: 'billing' | 'start';
  pages?: string[];
  /** The same article per locale: title, summary, body. */
  text: Partial<Record<HelpLocale, [title: string, summary: string, body: string]>>;
}

const ARTICLES: DemoArticle[] = [
  {
    slug: 'update-card',
    collection: 'billing',
    pages: ['/demo/billing'],
    text: {
      en: [
        'How to update your card',
        'Replace an expired or declined card so your payments go through.',
        '1. Open **Billing**.\n2. Choose **Payment method** → **Replace card**.\n3. Enter the new card and save: we retry the failed payment at once.\n\nStill stuck? Reply to the message in the messenger and the team will help.',
      ],
      id: [
        'Cara memperbarui kartu Anda',
        'Ganti kartu yang kedaluwarsa atau ditolak agar pembayaran berhasil.',
        '1. Buka halaman **Tagihan**.\n2. Pilih **Metode pembayaran** → **Ganti kartu**.\n3. Masukkan kartu baru lalu simpan: kami langsung mencoba lagi pembayaran yang gagal.\n\nMasih bingung? Balas pesan di messenger dan tim kami akan membantu.',
      ],
      ar: [
        'كيفية تحديث بطاقتك',
        'استبدل البطاقة المنتهية أو المرفوضة لتتم مدفوعاتك.',
        '1. افتح صفحة **الفواتير**.\n2. اختر **طريقة الدفع** ← **استبدال البطاقة**.\n3. أدخل البطاقة الجديدة واحفظ: نعيد محاولة الدفع الفاشل فورًا.\n\nهل ما زلت بحاجة إلى مساعدة؟ رد على الرسالة في المحادثة وسيساعدك الفريق.',
      ],
    },
  },
  {
    slug: 'cancel-subscription',
    collection: 'billing',
    pages: ['/demo/billing'],
    text: {
      en: [
        'How to cancel your subscription',
        'Stop your plan from renewing; you keep access until the end of the period.',
        'Open **Billing** and choose **Cancel subscription**. Your plan stops renewing and every feature stays on until the end of the period you paid for. Your reports are kept for 30 days in case you come back.',
      ],
      id: [
        'Cara membatalkan langganan',
        'Hentikan perpanjangan paket; akses tetap ada sampai akhir periode.',
        'Buka **Tagihan** lalu pilih **Batalkan langganan**. Paket Anda tidak diperpanjang lagi dan semua fitur tetap aktif sampai akhir periode yang sudah dibayar. Laporan Anda disimpan selama 30 hari.',
      ],
    },
  },
  {
    slug: 'export-report-csv',
    collection: 'start',
    pages: ['/demo/reports', '/demo/reports/**'],
    text: {
      en: [
        'Export a report as CSV',
        'Download any report, ready for your spreadsheet.',
        'Every report has an **Export CSV** button at the top. The file has the rows you see, filters included, and opens in Excel, Numbers or Google Sheets.',
      ],
      id: [
        'Mengekspor laporan sebagai CSV',
        'Unduh laporan apa pun, siap untuk spreadsheet Anda.',
        'Setiap laporan punya tombol **Export CSV** di bagian atas. Berkasnya berisi baris yang Anda lihat, termasuk filter, dan bisa dibuka di Excel atau Google Sheets.',
      ],
      ar: [
        'تصدير تقرير بصيغة CSV',
        'نزّل أي تقرير جاهزًا لجدول البيانات.',
        'في أعلى كل تقرير زر **Export CSV**. يحتوي الملف على الصفوف التي تراها مع عوامل التصفية، ويفتح في Excel أو Google Sheets.',
      ],
    },
  },
  {
    slug: 'invite-your-team',
    collection: 'start',
    pages: ['/demo/settings'],
    text: {
      en: [
        'Invite your team',
        'Add teammates and choose what each of them can do.',
        'Open **Settings → Team** and choose **Invite**. Enter their email addresses and pick a role: admins manage billing and settings, members work with the reports.',
      ],
    },
  },
];

export async function seedDemoHelpCenter(help: HelpCenter, workspaceId: string): Promise<void> {
  const billing = await help.collections.create(
    workspaceId,
    createHelpCollectionSchema.parse({ name: 'Billing', description: 'Payments, cards and your plan.', translations: { id: { name: 'Tagihan' }, ar: { name: 'الفواتير' } } }),
  );
  const start = await help.collections.create(
    workspaceId,
    createHelpCollectionSchema.parse({ name: 'Getting started', description: 'Your first steps with Acme Analytics.', translations: { id: { name: 'Memulai' }, ar: { name: 'البدء' } } }),
  );
  for (const article of ARTICLES) {
    let first: string | undefined;
    for (const [locale, [title, summary, body]] of Object.entries(article.text) as Array<[HelpLocale, [string, string, string]]>) {
      const input = createHelpArticleSchema.parse({
        title,
        summary,
        body,
        locale,
        slug: article.slug,
        collection_id: article.collection === 'billing' ? billing.id : start.id,
        pages: article.pages,
        status: 'live',
        translation_of: first,
      });
      const created = await help.articles.create(workspaceId, input);
      first ??= created.id;
    }
  }
}
