//! Semantic rules. Each rule lives in one function that emits its code; the codes, severities, messages
//! and provisions are in [`catalogue`].

pub mod catalogue;
mod conditions;
mod content;
mod eservice;
mod fees;
mod legal;
mod links;
pub mod markdown;
mod not_stated;
mod providers;
mod rule;
pub(crate) mod text;
mod time;
mod variants;

pub use catalogue::{rule, Rule, CATALOGUE};

use chrono::NaiveDate;

use crate::model::{Record, Reglament};
pub(crate) use crate::pointer::At;
use crate::pointer::IntoPointer;
use crate::report::{Finding, Message};
use crate::Options;

/// A message argument given in each language (az, en, ru).
pub(crate) type Localized = [String; 3];

/// The label of a code of a closed list, in az/en/ru (the code itself where the list has no label).
pub(crate) fn label(list: &str, code: &str) -> Localized {
    match crate::CodeLists::built_in().label(list, code) {
        Some(l) => [l.az.clone(), l.get("en").to_string(), l.get("ru").to_string()],
        None => [code.to_string(), code.to_string(), code.to_string()],
    }
}

/// Fixed words in az/en/ru.
pub(crate) fn words(az: &str, en: &str, ru: &str) -> Localized {
    [az.to_string(), en.to_string(), ru.to_string()]
}

/// A period in words, in az/en/ru.
pub(crate) fn duration(d: &crate::model::Duration) -> Localized {
    [d.text("az"), d.text("en"), d.text("ru")]
}

/// Builds the finding of `code` at `pointer` with the message placeholders filled from `args`. The pointer
/// is written out ([`IntoPointer`]) or, in the semantic rules, an [`At`] written out only now.
pub(crate) fn finding(code: &str, pointer: impl IntoPointer, args: &[(&str, &str)]) -> Finding {
    build(code, pointer.into_pointer(), args, &[])
}

/// Like [`finding`], with some arguments given per language.
pub(crate) fn finding_localized(
    code: &str,
    pointer: impl IntoPointer,
    args: &[(&str, &str)],
    localized: &[(&str, Localized)],
) -> Finding {
    build(code, pointer.into_pointer(), args, localized)
}

/// The one (not generic) body of the builders above.
fn build(code: &str, pointer: String, args: &[(&str, &str)], localized: &[(&str, Localized)]) -> Finding {
    let in_lang = |i: usize| -> Vec<(&str, &str)> {
        args.iter().copied().chain(localized.iter().map(|(k, v)| (*k, v[i].as_str()))).collect()
    };
    match catalogue::rule(code) {
        Some(r) => Finding {
            code: r.code.to_string(),
            severity: r.severity,
            pointer,
            message: Message {
                az: catalogue::fill(r.az, &in_lang(0)),
                en: catalogue::fill(r.en, &in_lang(1)),
                ru: catalogue::fill(r.ru, &in_lang(2)),
            },
            provision: r.provision.text.to_string(),
            fix: None,
            position: None,
        },
        // Every emitted code is in the catalogue (the conformance fixtures prove each one fires); this arm
        // only keeps a mistake from ever becoming a panic in a host application.
        None => Finding {
            code: code.to_string(),
            severity: crate::Severity::Error,
            pointer,
            message: Message { az: code.to_string(), en: code.to_string(), ru: code.to_string() },
            provision: String::new(),
            fix: None,
            position: None,
        },
    }
}

/// Collects findings. A finding's pointer is given as to [`finding`]: a rule that walks the document
/// passes an [`At`], written out only here, when a finding is emitted (a check that finds nothing builds no
/// string).
#[derive(Debug, Default)]
pub(crate) struct Emitter {
    findings: Vec<Finding>,
    /// (index of a finding, pointer of another part of the document it judges its place against).
    rests_on: Vec<(usize, String)>,
}

impl Emitter {
    pub(crate) fn emit(&mut self, code: &str, pointer: impl IntoPointer, args: &[(&str, &str)]) {
        self.findings.push(build(code, pointer.into_pointer(), args, &[]));
    }

    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub(crate) fn emit_localized(
        &mut self,
        code: &str,
        pointer: impl IntoPointer,
        args: &[(&str, &str)],
        localized: &[(&str, Localized)],
    ) {
        self.findings.push(build(code, pointer.into_pointer(), args, localized));
    }

    pub(crate) fn emit_with_fix(&mut self, code: &str, pointer: impl IntoPointer, args: &[(&str, &str)], fix: String) {
        let mut f = build(code, pointer.into_pointer(), args, &[]);
        f.fix = Some(fix);
        self.findings.push(f);
    }

    pub(crate) fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Records that the last finding judges its place against the part of the document at `pointer`
    /// (a short citation against the legal basis, a channel against the service's channels): when that
    /// part was made up to repair a broken document, the finding says nothing and is dropped.
    pub(crate) fn rests_on(&mut self, pointer: impl IntoPointer) {
        if let Some(last) = self.findings.len().checked_sub(1) {
            self.rests_on.push((last, pointer.into_pointer()));
        }
    }

    /// The findings, each with the pointers it rests on.
    pub(crate) fn into_findings_resting_on(self) -> Vec<(Finding, Vec<String>)> {
        let mut out: Vec<(Finding, Vec<String>)> = self.findings.into_iter().map(|f| (f, Vec::new())).collect();
        for (i, pointer) in self.rests_on {
            out[i].1.push(pointer);
        }
        out
    }

    pub(crate) fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// The typed document the semantic rules look at.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // held briefly, never in collections: a box would cost an allocation
pub(crate) enum Subject {
    Record(Record),
    Reglament(Reglament),
}

/// What every rule sees.
pub(crate) struct Ctx<'a> {
    /// The reglament (of the record, or the bare one).
    pub reg: &'a Reglament,
    /// The record around it, when a record was validated.
    pub record: Option<&'a Record>,
    /// JSON Pointer of the reglament in the document: `/reglament` or `` for a bare reglament.
    pub base: At<'a>,
    /// Options.
    pub opts: &'a Options,
    /// The record's own date (its submission date), else `Options::today`.
    pub record_date: Option<NaiveDate>,
}

impl Ctx<'_> {
    /// Pointer to a path inside the reglament (pointer text written as is, e.g. `/standard/documents`),
    /// written out only for a finding.
    pub fn at<'b>(&'b self, path: &'b str) -> At<'b> {
        self.base.path(path)
    }
}

/// Runs every semantic rule.
pub(crate) fn check(subject: &Subject, base: &str, opts: &Options, out: &mut Emitter) {
    let (reg, record) = match subject {
        Subject::Record(r) => (&r.reglament, Some(r)),
        Subject::Reglament(r) => (r, None),
    };
    let record_date = record.and_then(|r| r.submission.as_ref().map(|s| s.date)).or(opts.today);
    let ctx = Ctx { reg, record, base: At::new(base), opts, record_date };
    content::check(&ctx, out);
    providers::check(&ctx, out);
    fees::check(&ctx, out);
    time::check(&ctx, out);
    legal::check(&ctx, out);
    eservice::check(&ctx, out);
    links::check(&ctx, out);
    variants::check(&ctx, out);
    not_stated::check(&ctx, out);
    conditions::check(&ctx, out);
}
