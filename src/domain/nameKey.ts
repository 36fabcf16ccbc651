import { foldDigits } from './digits.ts';

/** Harakat, shadda, sukun, dagger alef, Quranic marks and tatweel: spelling aids, not letters. */
const MARKS_AND_TATWEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/gu;
/** Bidi marks and zero-width joiners pasted from other apps. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Anything that is not a letter or a digit separates words (hyphens, dots, commas, brackets). */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** "عبد الله", "عبد الرحمن": written apart and together; the key always joins them. */
const ABD_AL = /(^| )عبد (?=ال)/gu;

/**
 * The form of a name that searches compare: what people type differently for the same name folds to
 * one string. "أحمد" and "احمد", "فاطمة" and "فاطمه", "عبد الله" and "عبدالله", "مـوسى" and "موسي"
 * give the same key. Hamza on waw and ya (ؤ، ئ) is kept: "هانئ" and "هاني" are different names.
 */
export function nameKey(name: string): string {
  return foldDigits(
    name
      // Presentation forms (the lam-alef ligature, isolated letter forms) become ordinary letters.
      .normalize('NFKC')
      .replace(FORMAT_CHARACTERS, '')
      .replace(MARKS_AND_TATWEEL, ''),
  )
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/gu, '\u0627')
    .replace(/\u0629/gu, '\u0647')
    .replace(/[\u0649\u06cc]/gu, '\u064a')
    .replace(/\u06a9/gu, '\u0643')
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .trim()
    .replace(ABD_AL, '$1عبد');
}

/** Substring search on the trigram index needs three characters; shorter keys match the name's start. */
export const TRIGRAM_LENGTH = 3;
