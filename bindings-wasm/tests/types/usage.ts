// Type-checked (tsc --strict --noEmit) by tests/types.test.mjs against the generated pkg/dxer.d.ts.
import init, * as dxer from '../../pkg/dxer.js';
import type { Report, Finding, Duty, DutyStatus, Transition, DayOff, Rule, CodeList, DxerError, Stats, MostUsed, StatsColumn, SystemDuty, SystemDutyStatus } from '../../pkg/dxer.js';

export async function demo(text: string): Promise<string[]> {
  await init();
  const report: Report = dxer.validate(text, 'en', { today: '2026-07-01', ruleLevels: { 'DXER-E005': 'off' } });
  const first: Finding | undefined = report.findings[0];
  const codes: string[] = report.findings.map((f) => `${f.code} ${f.pointer} ${f.message.ru} ${f.text} ${f.fix ?? ''}`);
  dxer.validate(new Uint8Array([123, 125]));
  dxer.validate({ record_id: 'x' });
  const ok: boolean = report.ok && report.kind === 'record';
  const working: boolean = dxer.isWorkingDay('2026-05-11');
  const due: string = dxer.addWorkingDays('2026-05-06', 30) + dxer.addDays('2026-05-06', 1) + dxer.addMonths('2026-05-06', 1);
  const n: number = dxer.workingDaysBetween('2026-05-06', '2026-06-24');
  const off: DayOff[] = dxer.daysOff(2026);
  const duties: Duty[] = dxer.duties(text, { review_within: { value: 5, unit: 'working_days' } });
  const status: DutyStatus[] = dxer.statusAt(text, '2026-06-20');
  const card = { code: 'IS-DXER', lifecycle: [{ event: 'created', on: '2026-05-06' }] };
  const systemDuties: SystemDuty[] = dxer.systemDuties(card, { register_card_within: { value: 20, unit: 'working_days' } });
  const cardStatus: SystemDutyStatus[] = dxer.systemStatusAt(JSON.stringify(card), '2026-06-01');
  const late: boolean = cardStatus.some((s) => s.standing === 'done_late' || s.duty.done_on === undefined);
  const cardFindings: Finding[] = dxer.systemDueFindings(card, '2026-06-01', 'en', { ehis_supply_within: { value: 3, unit: 'months' } });
  const t: Transition = dxer.applyEvent(text, { event: 'return', defects: [{ az: 'x' }] }, '2026-06-12');
  dxer.applyEvent(t.record, 'resubmit', '2026-06-13', undefined, 'az');
  const rules: Rule[] = dxer.rules();
  const lists: Record<string, CodeList> = dxer.codeLists();
  const label: string | undefined = dxer.codeLabel('fee-kinds', 'state_duty', 'ru');
  const html: string = dxer.toHtml(text, 'az', { internal: true });
  const jsonld: object = dxer.toCpsvJsonLd(text, { internal: true });
  const hex: string = dxer.digest(text);
  const stats: Stats = dxer.registryStats(text, { usage: { 'DX-000001': 3 }, top: 5, on: '2026-07-01' });
  const top: MostUsed[] = stats.most_used ?? [];
  const portal: number = stats.totals.on_portal + stats.rows.length + (stats.totals.overdue_duties ?? 0);
  const page: string = dxer.registryStatsHtml([{ record_id: 'x' }]);
  const columns: StatsColumn[] = dxer.statsColumns();
  void [top, portal, page, columns];
  try { dxer.toHtml('{}'); } catch (e) { const err = e as DxerError; codes.push(err.report?.findings[0]?.code ?? err.message); }
  try { dxer.toMarkdown(text); } catch (e) { const w = (e as DxerError).withheld; codes.push(w ? `${w.record_id} ${w.reason}` : ''); }
  void [first, ok, working, due, n, off, duties, status, rules, lists, label, html, jsonld, hex, systemDuties, late, cardFindings];
  return codes;
}
