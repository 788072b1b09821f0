import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  describeBoundaries,
  uploadRegionBoundaries,
} from '../../services/maps/district-map.service.ts';
import type { BoundaryStatus } from '../../shared/api/maps.ts';
import { withDatabase, type GlobalOptions } from '../cli-context.ts';
import { parseRegion } from '../option-parsers.ts';

function render(status: BoundaryStatus): string {
  const region = `${status.region.name}（${status.region.code}）`;
  if (!status.upload) return `${region}: no district boundaries uploaded.`;
  const { upload } = status;
  return [
    `${region}: ${upload.fileName}, ${upload.districts.length} districts, uploaded ${upload.uploadedAt} by ${upload.uploadedBy ?? 'cli'}`,
    `  drawn:   ${upload.districts.map((d) => `${d.code} ${d.name}`).join(', ')}`,
    ...(upload.missing.length > 0
      ? [`  missing: ${upload.missing.map((d) => `${d.code} ${d.name}`).join(', ')}`]
      : []),
  ].join('\n');
}

export function registerBoundariesCommand(program: Command): void {
  const boundaries = program
    .command('boundaries')
    .description(
      "District boundaries for the map: the office's own approved GeoJSON (chainlead ships none)",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead boundaries upload wuxi.geojson --region 3202\n  $ chainlead boundaries show --region 3202',
    );
  boundaries
    .command('upload <file>')
    .description(
      "Check a GeoJSON file as the region's districts and store it (every unmatched feature is listed)",
    )
    .requiredOption('--region <code>', 'the city (or province) whose districts it draws, e.g. 3202')
    .addHelpText('after', '\nExample:\n  $ chainlead boundaries upload wuxi.geojson --region 3202')
    .action(async (file: string, options: { region: string }, command: Command) => {
      const region = parseRegion(options.region);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}.`,
          { field: 'file' },
        );
      }
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const status = await uploadRegionBoundaries(
          database.db,
          { id: null, name: 'cli' },
          { regionCode: region, fileName: basename(file), bytes },
        );
        console.log(render(status));
      });
    });
  boundaries
    .command('show')
    .description('What is uploaded for a region')
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .addHelpText('after', '\nExample:\n  $ chainlead boundaries show --region 3202')
    .action(async (options: { region: string }, command: Command) => {
      const region = parseRegion(options.region);
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        console.log(render(await describeBoundaries(database.db, region)));
      });
    });
}
