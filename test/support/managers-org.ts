import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Generated managers for the digest's fan-out tests and bench: manager i is
 * `mgr-<i>` ("Chef <i>"), overseeing every group, with an Entra object id
 * whose first digit is the file's series (files sharing one Azurite keep
 * apart).
 */
export const managerAad = (i: number, series = 1): string => `${series}0000000-0000-0000-0000-${String(i).padStart(12, '0')}`;

export interface ExtraManager {
  id: string;
  displayName: string;
  aadObjectId: string;
}

/** The local demo organisation with `count` generated managers (and any extra ones) as a file; answers its path. */
export function managersOrgFile(count: number, options: { series?: number; extra?: ExtraManager[] } = {}): string {
  const managers: ExtraManager[] = [
    ...Array.from({ length: count }, (_, i) => ({ id: `mgr-${i}`, displayName: `Chef ${i}`, aadObjectId: managerAad(i, options.series) })),
    ...(options.extra ?? []),
  ];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'samverkan-managers-')), 'org.yaml');
  writeFileSync(
    file,
    [
      'extends: local-demo',
      'addPeople:',
      ...managers.map((m) => `  - { id: ${m.id}, displayName: ${m.displayName}, aadObjectId: ${m.aadObjectId}, role: Förvaltningschef }`),
      'addManagers:',
      ...managers.map((m) => `  - { personId: ${m.id}, oversees: all }`),
    ].join('\n'),
  );
  return file;
}
