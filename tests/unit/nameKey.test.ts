import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/domain/nameKey.ts';

// Spellings of the same name as they reach the reception desk: typed on phones, copied from
// documents, written by different officers.
const SAME_NAME: [string, string[]][] = [
  ['احمد', ['أحمد', 'احمد', 'أَحْمَد', 'إحمد', 'آحمد', 'اـحمـد', 'ٱحمد']],
  ['فاطمه', ['فاطمة', 'فاطمه', 'فَاطِمَة', 'فاطــمة']],
  ['موسي', ['موسى', 'موسي', 'مُوسَى']],
  ['عبدالله', ['عبد الله', 'عبدالله', 'عبد  الله', 'عَبْدُ اللّٰه', 'عبـد الله']],
  ['عبدالرحمن محمد', ['عبد الرحمن محمد', 'عبدالرحمن محمد', 'عبد الرحمن  محمد ']],
  [
    'محمد عبدالعزيز العتيبي',
    ['محمد عبد العزيز العتيبي', 'مُحَمَّد عبدالعزيز العتيبى', 'محمد عبد العزيز العتيبي'],
  ],
  ['ايمان', ['إيمان', 'ايمان', 'إيمَان']],
  ['اسامه', ['أسامة', 'اسامه', 'أُسامة']],
  ['مصطفي', ['مصطفى', 'مصطفي', 'مُصْطَفَى']],
  ['لا', ['ﻻ', 'لا']],
  ['نوره الدوسري', ['نورة الدوسري', 'نوره الدوسرى', 'نورة\u200f الدوسري', 'نورة-الدوسري']],
  ['كريم', ['کریم', 'كريم']],
  ['1234', ['١٢٣٤', '۱۲۳۴', '1234']],
  ['sara ali', ['Sara Ali', 'SARA  ALI', 'sara-ali']],
];

describe('nameKey', () => {
  for (const [key, spellings] of SAME_NAME) {
    it(`folds ${spellings.join(' / ')} to "${key}"`, () => {
      for (const spelling of spellings) expect(nameKey(spelling), spelling).toBe(key);
    });
  }

  it('keeps names that differ apart', () => {
    expect(nameKey('هانئ')).not.toBe(nameKey('هاني'));
    expect(nameKey('سؤدد')).not.toBe(nameKey('سودد'));
    expect(nameKey('عبد')).toBe('عبد');
    expect(nameKey('عبد ربه')).toBe('عبد ربه');
    expect(nameKey('محمد عبد')).toBe('محمد عبد');
  });

  it('joins عبد to ال only as a word of its own', () => {
    expect(nameKey('سالم عبد الله')).toBe('سالم عبدالله');
    expect(nameKey('العبد الله')).toBe('العبد الله');
  });

  it('gives an empty key for marks and spaces alone', () => {
    expect(nameKey('  ــ َ ')).toBe('');
    expect(nameKey('')).toBe('');
  });

  it('is stable: the key of a key is itself', () => {
    for (const [key] of SAME_NAME) expect(nameKey(key)).toBe(key);
  });
});
