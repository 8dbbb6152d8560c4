/**
 * The seed report (../shared/seeds/000_e55a4a22c631232f.txt) with the places and dates the geoparser
 * and the time stage give it (EXPECTED.md: coordinates approximate), built by hand so the events
 * stage can be judged on its own. Published 2016-05-13.
 */
import { readFileSync } from 'node:fs';
import type { Place, TimeExpression } from '../../src/core/index.js';
import { places, times } from './fixtures.js';

export const SEED_PUBLISHED = '2016-05-13';

/** The seed's text as the cleaner leaves it (the "Print Friendly, PDF & Email" footer removed). */
export function seedText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\n+Print Friendly, PDF & Email\s*$/, '\n');
}

export function seedPlaces(text: string): Place[] {
  return places(text, [
    { mention: 'Libya', lat: 26.3351, lon: 17.2283, country: 'LY', featureCode: 'PCLI', geoPrecision: 3 },
    { mention: 'Libya', nth: 1, lat: 26.3351, lon: 17.2283, country: 'LY', featureCode: 'PCLI', geoPrecision: 3 },
    { mention: 'Sirte', lat: 31.2089, lon: 16.5887, country: 'LY', featureCode: 'PPLA' },
    { mention: 'Al Washka', lat: 30.79, lon: 15.86, country: 'LY', featureCode: 'PPL' },
    { mention: 'Abu Njeem', name: 'Abu Nujaym', lat: 30.58, lon: 15.41, country: 'LY', featureCode: 'PPL' },
    { mention: 'Wadi Bey', name: 'Wadi Bay', lat: 30.98, lon: 16.02, country: 'LY', featureCode: 'WAD' },
    { mention: 'Al Balgha', lat: 30.71, lon: 15.97, country: 'LY', featureCode: 'PPL' },
    { mention: 'Wadi Zamzam', lat: 31.04, lon: 14.97, country: 'LY', featureCode: 'WAD' },
    { mention: 'Harouge', name: 'Al Haruj', lat: 27.5, lon: 17.5, country: 'LY', featureCode: 'MTS' },
    { mention: 'Al-Rouagha mountains', lat: null, lon: null, country: 'LY', featureCode: 'MTS', geoPrecision: 3 },
    { mention: 'Libya', nth: 2, lat: 26.3351, lon: 17.2283, country: 'LY', featureCode: 'PCLI', geoPrecision: 3 },
    { mention: 'halfway between Sirte and Misrata', lat: 31.79, lon: 15.84, country: 'LY', featureCode: null, geoPrecision: 2 },
    { mention: 'Sirte', nth: 1, lat: 31.2089, lon: 16.5887, country: 'LY', featureCode: 'PPLA' },
    { mention: 'Misrata', name: 'Misratah', lat: 32.3754, lon: 15.0925, country: 'LY', featureCode: 'PPLA' },
    { mention: 'Libya', nth: 3, lat: 26.3351, lon: 17.2283, country: 'LY', featureCode: 'PCLI', geoPrecision: 3 },
    { mention: 'Gulf of Sidra', lat: 31.5, lon: 18.0, country: 'LY', featureCode: 'GULF' },
    { mention: 'Sirte', nth: 2, lat: 31.2089, lon: 16.5887, country: 'LY', featureCode: 'PPLA' },
  ]);
}

export function seedTimes(text: string): TimeExpression[] {
  return times(text, [
    { mention: 'last week', start: '2016-05-02', end: '2016-05-08', granularity: 'week', precision: 2, kind: 'relative' },
    { mention: 'May 5-6', start: '2016-05-05', end: '2016-05-06', precision: 2, kind: 'range' },
    { mention: 'April 27', start: '2016-04-27' },
    { mention: 'at the beginning of the year', start: '2016-01-01', end: '2016-01-31', granularity: 'month', precision: 3, kind: 'vague', relation: 'during' },
    { mention: 'over the last few days', start: '2016-05-09', end: '2016-05-12', precision: 2, kind: 'vague', relation: 'during' },
    { mention: 'June 23', start: '2016-06-23' },
  ]);
}
