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

/** Cell size of the territory raster, degrees. */
const TERRITORY_CELL = 0.5;
/** A cell belongs to the country of its nearest town when that town is this close. */
const TERRITORY_KM = 100;
/** Cells at most this many cells apart are one piece of territory (islands, sparse steppe). */
const TERRITORY_GAP = 3;

/**
 * Representative interior points of countries, without polygons: the area centroid of each
 * country's populated territory. The territory is a raster of 0.5° cells, each given to the
 * country of its nearest town when that town is within 100 km (a Voronoi partition of the towns,
 * cut at the coast's reach); the country's largest piece (cells at most 3 cells apart, so
 * archipelagos and sparse steppe hold together, while Alaska, Hawaii or French Guiana do not join
 * the mainland) gives the centroid on the sphere, each cell weighted by its area. A centroid
 * outside the piece (a crescent, a ring of coast) moves to the piece's nearest cell.
 *
 * This is what GeoNames' country points are, roughly: a point near the middle of the main
 * territory (United States 39.76 N 98.5 W, the centre of the contiguous states), not the centre
 * of a bounding box that overseas parts stretch, nor the median of the towns (pulled to where
 * people live).
 */
export function territoryPoints(grid: CityGrid): { points: Map<string, { lat: number; lon: number; cells: number }>; cellsOf: Map<string, number[]> } {
  const nLat = Math.round(180 / TERRITORY_CELL);
  const nLon = Math.round(360 / TERRITORY_CELL);
  const cellsOf = new Map<string, number[]>();
  for (let a = 0; a < nLat; a++) {
    const lat = -90 + (a + 0.5) * TERRITORY_CELL;
    for (let b = 0; b < nLon; b++) {
      const i = grid.nearest(lat, -180 + (b + 0.5) * TERRITORY_CELL, TERRITORY_KM);
      if (i < 0) continue;
      const c = grid.country[i]!;
      if (!c) continue;
      const list = cellsOf.get(c);
      if (list) list.push(a * nLon + b);
      else cellsOf.set(c, [a * nLon + b]);
    }
  }
  const out = new Map<string, { lat: number; lon: number; cells: number }>();
  for (const [country, cells] of [...cellsOf].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const set = new Set(cells);
    const piece = new Map<number, number>();
    let bestPiece = -1;
    let bestArea = -1;
    const areas: number[] = [];
    for (const start of cells) {
      if (piece.has(start)) continue;
      const id = areas.length;
      let area = 0;
      const stack = [start];
      piece.set(start, id);
      while (stack.length) {
        const k = stack.pop()!;
        area += Math.cos(latOf(k) * RAD);
        const a = Math.floor(k / nLon);
        const b = k % nLon;
        for (let da = -TERRITORY_GAP; da <= TERRITORY_GAP; da++) {
          const a2 = a + da;
          if (a2 < 0 || a2 >= nLat) continue;
          for (let db = -TERRITORY_GAP; db <= TERRITORY_GAP; db++) {
            const k2 = a2 * nLon + ((b + db + nLon) % nLon);
            if (set.has(k2) && !piece.has(k2)) {
              piece.set(k2, id);
              stack.push(k2);
            }
          }
        }
      }
      areas.push(area);
      if (area > bestArea) {
        bestArea = area;
        bestPiece = id;
      }
    }
    const main = cells.filter((k) => piece.get(k) === bestPiece);
    const c = centroidOfCells(main);
    out.set(country, { ...c, cells: main.length });
  }
  return { points: out, cellsOf };
}

const N_LON = Math.round(360 / TERRITORY_CELL);
const RAD = Math.PI / 180;
/** Centre of a territory raster cell. */
export const cellLat = (k: number) => -90 + (Math.floor(k / N_LON) + 0.5) * TERRITORY_CELL;
export const cellLon = (k: number) => -180 + ((k % N_LON) + 0.5) * TERRITORY_CELL;
const latOf = cellLat;
const lonOf = cellLon;

/** Area-weighted centroid of raster cells on the sphere, moved to the nearest cell when it falls outside them. */
export function centroidOfCells(cells: readonly number[]): { lat: number; lon: number } {
  let x = 0, y = 0, z = 0;
  for (const k of cells) {
    const la = latOf(k) * RAD;
    const lo = lonOf(k) * RAD;
    const w = Math.cos(la);
    x += w * Math.cos(la) * Math.cos(lo);
    y += w * Math.cos(la) * Math.sin(lo);
    z += w * Math.sin(la);
  }
  let lat = Math.atan2(z, Math.hypot(x, y)) / RAD;
  let lon = Math.atan2(y, x) / RAD;
  let near = cells[0]!;
  let nearKm = Infinity;
  for (const k of cells) {
    const d = approxKm(lat, lon, latOf(k), lonOf(k));
    if (d < nearKm) {
      nearKm = d;
      near = k;
    }
  }
  if (nearKm > TERRITORY_CELL * 111) {
    lat = latOf(near);
    lon = lonOf(near);
  }
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}
