import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type OfferCatalogue,
  type TargetSet,
  catalogueOf,
  parseCatalogue,
  parseTargets,
} from '#domain';
import { type RiskRules, parseRiskRules } from '#projections';

/** Files are named by financial year, e.g. `2019-20.json` for 2019/20. */
function yearFiles(dir: string): { fy: number; file: string }[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}-\d{2}\.json$/.test(name))
    .map((name) => ({ fy: Number(name.slice(0, 4)), file: join(dir, name) }))
    .sort((a, b) => a.fy - b.fy);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** Reads and validates every year's catalogue; a bad file stops the start with its name and field. */
export function loadCatalogue(referenceDir: string): OfferCatalogue {
  const years = yearFiles(join(referenceDir, 'catalogue')).map(({ fy, file }) => {
    try {
      return parseCatalogue(fy, readJson(file));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  });
  return catalogueOf(years);
}

export function loadTargets(
  referenceDir: string,
  catalogue: OfferCatalogue,
): ReadonlyMap<number, TargetSet> {
  return new Map(
    yearFiles(join(referenceDir, 'targets')).map(({ fy, file }) => {
      try {
        return [fy, parseTargets(fy, readJson(file), catalogue)] as const;
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }),
  );
}

/** The newest version of the risk rules (v1.json, v2.json, …): a change of rules is a new file. */
export function loadRiskRules(dir: string): RiskRules {
  const files = readdirSync(dir)
    .map((name) => /^v(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const newest = files[0];
  if (newest === undefined) throw new Error(`${dir}: no risk rules (v1.json, …)`);
  const file = join(dir, newest[0]);
  return parseRiskRules(readJson(file), file);
}
