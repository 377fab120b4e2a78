//! The TypeScript declarations of the package's values (records, findings, options, periods, events),
//! appended by wasm-bindgen to `dxer.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** How serious a finding is. Only `error` blocks submission. */
export type Severity = "error" | "warning" | "info";
/** A language of the messages. */
export type Lang = "az" | "en" | "ru";
/** What the document is: a DXER record or a bare reglament (`auto`: decided from its content). */
export type DocumentKind = "auto" | "record" | "reglament";

/** A message in Azerbaijani, English and Russian. */
export interface Message { az: string; en: string; ru: string; }

/** One located, explained problem in a record. */
export interface Finding {
  /** Stable code from the rule catalogue, e.g. `DXER-F003`. */
  code: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer of the offending field (`""`: the whole document). */
  pointer: string;
  /** The message in az/en/ru. */
  message: Message;
  /** The message in the language asked for (`message[lang]`). */
  text: string;
  /** The legal provision the rule enforces. */
  provision: string;
  /** The exact replacement value for the field at `pointer`, when the fix is mechanical. */
  fix?: string;
  /** Where the text breaks (line and column from 1), for a finding about the text itself (`DXER-J001`, `DXER-J002`). */
  position?: { line: number; column: number };
}

/** The result of validating one document. */
export interface Report {
  /** No finding of error severity: the record may be submitted. */
  ok: boolean;
  /** What the document was validated as (never `auto`). */
  kind: "record" | "reglament";
  /** Every finding, ordered by pointer, then code. */
  findings: Finding[];
}

/**
 * The choices the law leaves open (all optional; defaults are the registry's standard profile). The core's
 * one options contract, as Python's keyword arguments and the command's `--options FILE.json`: each member
 * may also be spelt in snake_case (`rule_levels`, `max_depth`…); an unknown member, an unknown rule code or
 * a count out of range (1 to 4294967295; hours 1 to 24; integers only) throws the core's message.
 */
export interface ValidateOptions {
  kind?: DocumentKind;
  /** "Today" (YYYY-MM-DD) for date rules when the record has no submission date. */
  today?: string | null;
  /** Per-code overrides: a rule code of the catalogue to `"error"`, `"warning"`, `"info"` or `"off"` (an unknown code throws, naming the nearest). */
  ruleLevels?: Record<string, "error" | "warning" | "info" | "off">;
  /** Hours in a working day, 1 to 24 (default 8). */
  hoursPerWorkingDay?: number;
  /** Deepest nesting accepted (default 64). */
  maxDepth?: number;
  /** Largest input accepted, in bytes (default 16 MiB). */
  maxInputBytes?: number;
  /** Most items in one array or members in one object (default 10,000). */
  maxListItems?: number;
  /** Largest string or member name, in bytes of UTF-8 (default 1 MiB). */
  maxStringBytes?: number;
  /** Most applicant-attribute combinations enumerated (default 4096). */
  maxVariantCombinations?: number;
  /** Read a structurally valid document straight into the typed model (default true; same findings). */
  direct?: boolean;
}

/** A rule of the catalogue. */
export interface Rule {
  code: string;
  severity: Severity;
  title: string;
  provision: string;
  /** Where the provision's words come from: quoted from a seed act, from another published act, reported
   *  (the act's text is not public), dxer's reconstruction of an unpublished text, or dxer's own choice. */
  provenance: "seed" | "public_act" | "reported" | "reconstruction" | "choice";
  /** Where it applies: one record, workflow events and deadlines, or several records together. */
  scope: "record" | "workflow" | "registry";
  /** Message templates with `{name}` placeholders. */
  message: Message;
}

/** Text in Azerbaijani with optional English and Russian. */
export interface LocalizedText { az: string; en?: string; ru?: string; }

/** A body that took over (some of) the functions of a dissolved or renamed provider. */
export interface Successor { code: string; functions?: LocalizedText; areas?: string[]; }

/** One item of a code list. Providers also carry `status`, `since`, `until`, `successors`, ...; service areas `parent`. */
export interface CodeItem {
  code: string;
  label: LocalizedText;
  description?: LocalizedText;
  parent?: string;
  status?: "active" | "dissolved" | "renamed";
  since?: string | null;
  until?: string | null;
  successors?: Successor[];
  [key: string]: unknown;
}

/** A published code list (`schemas/codelists/<name>.json`). */
export interface CodeList { codelist: string; version: string; source: string; items: CodeItem[]; }

/** A period of the calendar or of the workflow policy. */
export interface Period { value: number; unit: "working_days" | "calendar_days" | "months"; }

/** Why a day is off (or worked). */
export interface DayOffReason {
  code: string;
  holidays?: string[];
  related_date?: string;
  az: string; en: string; ru: string;
  source?: Record<string, unknown>;
  confidence?: "verified" | "unverified";
}

/** A day off other than an ordinary weekend day. */
export interface DayOff { date: string; reasons: DayOffReason[]; }

/** A named holiday. */
export interface Holiday {
  date: string; id: string; az: string; en: string; ru: string;
  /** Holidays that are nevertheless working days. */
  working_day: boolean;
  source?: Record<string, unknown>;
  confidence?: "verified" | "unverified";
}

/** The deadlines of the registry (any subset; the rest keep the law's defaults). */
export interface Policy {
  submit_within?: Period;
  review_within?: Period;
  fix_within?: Period;
  due_soon_margin?: number;
  max_returns?: number | null;
  /** A record with errors is refused registration (DXER-W007); default true. */
  register_only_without_errors?: boolean;
  /** An information system's application and registration card; default 20 calendar days. */
  register_card_within?: Period;
  /** A body's data for an information system through EHİS; default 6 months. */
  ehis_supply_within?: Period;
  /** The submission clock starts no earlier than this date ("YYYY-MM-DD"; null: from the creating act
   * alone); default "2026-05-06", decision No. 129. */
  regime_start?: string | null;
}

/** A workflow event, e.g. `{ event: "submit", signer: "..." }` or `"start_review"`. */
export type WorkflowEvent =
  | { event: "submit"; signer: string; signature_ref?: string }
  | { event: "return"; defects: LocalizedText[] }
  | { event: "start_review" | "resubmit" | "register" | "amend" | "suspend" | "resume" | "terminate" | "archive" }
  | "start_review" | "resubmit" | "register" | "amend" | "suspend" | "resume" | "terminate" | "archive";

/** An open duty with its due date. */
export interface Duty {
  kind: "submission" | "review" | "fix";
  owner: "provider" | "operator";
  /** The date the period runs from. */
  from: string;
  /** The last day to fulfil it. */
  due: string;
  /** JSON Pointer of the date the period runs from. */
  pointer: string;
}

/** A duty and how it stands on a given day. */
export interface DutyStatus {
  duty: Duty;
  standing: "on_time" | "due_soon" | "overdue";
  /** Working days left (on time, due soon) or overdue. */
  working_days: number;
}

/** A duty of an information system's registration card, open or done. */
export interface SystemDuty {
  kind: "card_application" | "ehis_supply";
  /** Code of the information system. */
  system: string;
  /** Provider code of the body that owes it (the system's owner, or the data source's body). */
  owner: string;
  /** The date the period runs from. */
  from: string;
  /** The last day to fulfil it. */
  due: string;
  /** JSON Pointer, inside the card, of the date the period runs from. */
  pointer: string;
  /** Whether the card records it as fulfilled. */
  done: boolean;
  /** The day it was fulfilled, when known. */
  done_on?: string;
}

/** A duty of an information system and how it stands on a given day. */
export interface SystemDutyStatus {
  duty: SystemDuty;
  standing: "on_time" | "due_soon" | "overdue" | "done" | "done_late";
  /** Working days left (on time, due soon), overdue or late (done late); 0 when done in time. */
  working_days: number;
}

/** The result of an allowed event. */
export interface Transition {
  from: string;
  to: string;
  /** The record after the event. */
  record: Record<string, unknown>;
  /** The duties open after the event. */
  duties: Duty[];
}

/** One changed field of a service (`old` absent: added; `new` absent: removed). */
export interface Change { pointer: string; old?: unknown; new?: unknown; }

/** What `amend` returns. */
export interface Amendment {
  /** The previous version, its validity ending the day before the new one starts. */
  previous: Record<string, unknown>;
  /** The new version: the next version number, valid from the amendment's date. */
  record: Record<string, unknown>;
  /** What changed in the service (registry bookkeeping left out). */
  changes: Change[];
}

/** What a CPSV-AP import could not map, at its JSON Pointer in the input. */
export interface Loss { pointer_or_path: string; property: string; reason: string; }

/** The result of reading CPSV-AP JSON-LD back into a DXER record. */
export interface Imported {
  /** The record (exact when `restored`, else a draft with what CPSV-AP provides). */
  record: Record<string, unknown>;
  /** Restored from the `dxer:record` a dxer export carries. */
  restored: boolean;
  losses: Loss[];
  /** Validation of `record`. */
  report: Report;
}

/** How a stored `submission.digest` compares with the record's canonical bytes. */
export interface DigestCheck {
  status: "valid" | "mismatch" | "missing";
  stored?: string;
  actual?: string;
}

/** Options of `registryStats` and `registryStatsHtml` (all optional). */
export interface StatsOptions {
  /** Usage counts for the most used services: service code to count (e.g. a month on the portal). */
  usage?: Record<string, number>;
  /** How many of the most used services to list (default 10). */
  top?: number;
  /** Count overdue duties on this date (YYYY-MM-DD), under the default policy. */
  on?: string;
}

/** One row of the statistics: the services of one provider, or the totals (`provider` empty). The
 * members are the CSV's columns (`statsColumns()`). */
export interface StatsRow {
  provider: string;
  provider_name_az: string;
  provider_name_en: string;
  /** Services in force (latest version not terminated or archived); every count below is of these. */
  services: number;
  /** Registered by the operator (`registered` or `amended`): the 2013 bulletin's "approved". */
  approved: number;
  electronic: number;
  in_person: number;
  mixed: number;
  ehis_integrated: number;
  /** On the e-government portal (channel `egov_portal`). */
  on_portal: number;
  /** On the provider's own website (channel `provider_website`). */
  on_own_site: number;
  /** Usable without authentication (identification `none`). */
  without_authentication: number;
  e_payment: number;
  free: number;
  paid: number;
  proactive: number;
  composite: number;
  with_variants: number;
  open_data: number;
  /** Overdue duties on `on`; `null` without `on`. */
  overdue_duties: number | null;
  terminated_or_archived: number;
}

/** One of the most used services. */
export interface MostUsed {
  rank: number;
  service_code: string;
  record_id: string;
  name_az: string;
  /** Empty when the record has no English name. */
  name_en: string;
  provider: string;
  provider_name_az: string;
  count: number;
}

/** A cross-record finding at one record version. */
export interface RegistryFinding {
  record_id: string;
  version: number;
  line?: number;
  code: string;
  severity: Severity;
  pointer: string;
  message: Message;
  provision: string;
  fix?: string;
}

/** Statistics of a registry: one row per provider (Azerbaijani alphabetical order) and the totals. */
export interface Stats {
  /** The date of `on`, when given. */
  as_of?: string;
  providers_version: string;
  rows: StatsRow[];
  totals: StatsRow;
  /** Services whose duties could not be dated on `on` (`DXER-W003`). */
  undated_duties?: RegistryFinding[];
  /** The most used services, when `usage` was given. */
  most_used?: MostUsed[];
  /** Service codes of `usage` with no record in the registry, sorted. */
  usage_not_in_registry?: string[];
}

/** One column of the statistics. */
export interface StatsColumn { name: string; en: string; az: string; }

/** Options of the exports (`toCpsvJsonLd`, `toSchemaOrg`, `toHtml`, `toMarkdown`). */
export interface ExportOptions {
  /** Export any record with every field (signer, e-signature reference, review, history): the registry's
   * own copy, not for publication. Default false: only a registered or amended `open_data` record, public
   * fields only. */
  internal?: boolean;
}

/** A record an export left out, and why. */
export interface Withheld {
  index: number;
  record_id: string;
  version: number;
  reason: "status" | "not_open_data" | "duplicate" | "conflict";
  /** The record's status, when `reason` is `"status"`. */
  status?: string;
}

/** A thrown error of this package: `finding` when the core refused with a finding, `report` when a
 * conversion was refused because the record is invalid, `withheld` when the publication policy left the
 * record out. */
export interface DxerError extends Error {
  code?: string;
  pointer?: string;
  finding?: Finding;
  report?: Report;
  withheld?: Withheld;
}
"#;
