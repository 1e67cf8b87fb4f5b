import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';
import { periodText } from '../period-words.js';
import type { Run } from '../io.js';
import type { StatusOptions, TableOptions } from '../status.js';

const formatOption = () => new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table');

export function registerStatus(program: Command, io: CliIO, run: Run): void {
  program
    .command('status')
    .description('RAGG status, trend and SPC of every KPI for a period (default: the latest quarter with figures)')
    .argument('[period...]', 'one period: q3, 2025-26-Q3, "2025/26 Q3" (its words may be unquoted), 2025-10, 2025-26')
    .addOption(formatOption())
    .option('-c, --committee <id>', "only this committee's KPIs")
    .option('-s, --service <name>', "only this service's KPIs (as named in the dictionary, any case)")
    .option('--status <statuses>', 'only these statuses, comma-separated: red, amber, green, grey, missing, na')
    .action((words: string[], options: StatusOptions) =>
      run(async (globals) => (await import('../status.js')).runStatus(io, globals, periodText(words), options))(),
    );

  program
    .command('improvement')
    .description('the year-on-year check: has performance improved on enough indicators (default 70%)?')
    .argument('[year]', 'financial year, e.g. 2025-26 (default: the latest with figures)')
    .option('-t, --through <period>', 'compare the year to date through this quarter or month, e.g. q3 or 2025-11 (default: the latest quarter with figures)')
    .addOption(formatOption())
    .option('-c, --committee <id>', "only this committee's KPIs")
    .action((year: string | undefined, options: TableOptions & { through?: string }) =>
      run(async (globals) => (await import('../status.js')).runImprovement(io, globals, year, options))(),
    );

  program
    .command('due')
    .description("each KPI's data deadline for a period, and what is overdue, awaiting sign-off or lacking commentary, with who must act")
    .argument('[period...]', 'q3, 2025-26-Q3, 2025-10 (default: the quarter in progress on --today)')
    .addOption(formatOption())
    .option('-c, --committee <id>', "only this committee's KPIs")
    .option('--today <YYYY-MM-DD>', 'judge deadlines as at this date (default: today)')
    .action((words: string[], options: TableOptions & { today?: string }) =>
      run(async (globals) => (await import('../status.js')).runDue(io, globals, periodText(words), options))(),
    );
}
