/**
 * City points collected while the bundle reads the cities files: a 1° grid for "which countries
 * have towns inside this box" and "nearest town", which stands in for polygons we do not have.
 */
export class CityGrid {
  private readonly cells = new Map<number, number[]>();
  readonly lat: number[] = [];
  readonly lon: number[] = [];
  readonly country: string[] = [];
  readonly admin1: string[] = [];
  readonly admin2: string[] = [];
  readonly population: number[] = [];
  private readonly seen = new Map<number, number>();

  /** Add or replace (same geonameid: the later call wins) a town. */
  add(id: number, lat: number, lon: number, country: string, admin1: string, admin2: string, population: number): void {
    const prev = this.seen.get(id);
    if (prev !== undefined) {
      // replaced by a newer row: keep the index, update the fields (grid cell may change)
      this.removeFromCell(prev);
      this.set(prev, lat, lon, country, admin1, admin2, population);
      this.addToCell(prev);
      return;
    }
    const i = this.lat.length;
    this.lat.push(0);
    this.lon.push(0);
    this.country.push('');
    this.admin1.push('');
    this.admin2.push('');
    this.population.push(0);
    this.set(i, lat, lon, country, admin1, admin2, population);
    this.seen.set(id, i);
    this.addToCell(i);
  }

  private set(i: number, lat: number, lon: number, country: string, admin1: string, admin2: string, population: number): void {
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.country[i] = country;
    this.admin1[i] = admin1;
    this.admin2[i] = admin2;
    this.population[i] = population;
  }

  private cellOf(i: number): number {
    return cellKey(Math.floor(this.lat[i]!), Math.floor(this.lon[i]!));
  }
  private addToCell(i: number): void {
    const k = this.cellOf(i);
    const list = this.cells.get(k);
    if (list) list.push(i);
    else this.cells.set(k, [i]);
  }
  private removeFromCell(i: number): void {
    const list = this.cells.get(this.cellOf(i));
    if (!list) return;
    const at = list.indexOf(i);
    if (at >= 0) list.splice(at, 1);
  }

  get size(): number {
    return this.lat.length;
  }

  /** Towns inside a bbox [west, south, east, north] (west > east crosses the antimeridian). */
  inBox(b: readonly [number, number, number, number], visit: (i: number) => void): void {
    const [w, s, e, n] = b;
    const lonRanges: [number, number][] = w <= e ? [[w, e]] : [[w, 180], [-180, e]];
    for (const [a, z] of lonRanges) {
      for (let la = Math.floor(s); la <= Math.floor(n); la++) {
        for (let lo = Math.floor(a); lo <= Math.floor(Math.min(z, 179.999)); lo++) {
          const list = this.cells.get(cellKey(la, lo));
          if (!list) continue;
          for (const i of list) {
            const y = this.lat[i]!;
            const x = this.lon[i]!;
            if (y >= s && y <= n && x >= a && x <= z) visit(i);
          }
        }
      }
    }
  }

  /** Nearest town within maxKm of a point, or -1. */
  nearest(lat: number, lon: number, maxKm: number): number {
    const rings = Math.ceil(maxKm / 111) + 1;
    let best = -1;
    let bestD = Infinity;
    const la0 = Math.floor(lat);
    const lo0 = Math.floor(lon);
    for (let r = 0; r <= rings; r++) {
      for (let dla = -r; dla <= r; dla++) {
        for (let dlo = -r; dlo <= r; dlo++) {
          if (Math.max(Math.abs(dla), Math.abs(dlo)) !== r) continue;
          let lo = lo0 + dlo;
          if (lo < -180) lo += 360;
          if (lo >= 180) lo -= 360;
          const list = this.cells.get(cellKey(la0 + dla, lo));
          if (!list) continue;
          for (const i of list) {
            const d = approxKm(lat, lon, this.lat[i]!, this.lon[i]!);
            if (d < bestD) {
              bestD = d;
              best = i;
            }
          }
        }
      }
      // a ring r cell is at least (r-1)*~111 km away (less at high latitude: keep one more ring)
      if (best >= 0 && bestD < (r - 1) * 111 * Math.cos((Math.min(80, Math.abs(lat)) * Math.PI) / 180)) break;
    }
    return bestD <= maxKm ? best : -1;
  }
}

function cellKey(la: number, lo: number): number {
  return (la + 90) * 400 + (lo + 180);
}

export function approxKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  let dLon = Math.abs(lon2 - lon1);
  if (dLon > 180) dLon = 360 - dLon;
  const x = dLon * r * Math.cos(((lat1 + lat2) / 2) * r);
  const y = (lat2 - lat1) * r;
  return 6371 * Math.sqrt(x * x + y * y);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
