//! Time limits: `DXER-T001`..`DXER-T003`.

use super::{At, Ctx, Emitter};
use crate::model::{Duration, DurationUnit};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    durations(ctx, |at, d| {
        positive(at, d, out);
        // `DXER-T004`: "days" without saying which cannot be counted to a date.
        if d.unit == DurationUnit::Days {
            out.emit_localized("DXER-T004", at.path("/unit"), &[], &[("period", super::duration(d))]);
        }
    });
    steps_fit(ctx, out);
}

/// Calls `each` on every period in the reglament, with its pointer.
fn durations<'a>(ctx: &Ctx<'a>, mut each: impl FnMut(At<'_>, &'a Duration)) {
    let reg = ctx.reg;
    // A period the source does not state is `DXER-N…`'s, not this rule's.
    let mut period = |at: At<'_>, d: Option<&'a Duration>| {
        if let Some(d) = d {
            each(at, d);
        }
    };
    period(ctx.at("/standard/time_limit"), reg.standard.time_limit.stated());
    let tiers = ctx.at("/standard/fees/tiers");
    for (i, t) in reg.standard.fee_tiers().iter().enumerate() {
        period(tiers.index(i).path("/time_limit"), t.time_limit.as_ref());
    }
    period(ctx.at("/standard/result/validity"), reg.standard.result.stated().and_then(|r| r.validity.as_ref()));
    let steps = ctx.at("/procedure/steps");
    for (i, s) in reg.procedure.steps.iter().enumerate() {
        period(steps.index(i).path("/time_limit"), s.time_limit.stated());
    }
    if let Some(a) = reg.appeal.administrative.stated() {
        period(ctx.at("/appeal/administrative/deadline"), a.deadline.stated());
        period(ctx.at("/appeal/administrative/review_period"), a.review_period.stated());
    }
    period(ctx.at("/appeal/court/deadline"), reg.appeal.court.stated().and_then(|c| c.deadline.stated()));
    if let Some(v) = &reg.variants {
        let variants = ctx.at("/variants/variants");
        for (i, variant) in v.variants.iter().enumerate() {
            let at = variants.index(i);
            period(at.path("/time_limit"), variant.time_limit.as_ref());
            period(at.path("/result/validity"), variant.result.as_ref().and_then(|r| r.validity.as_ref()));
        }
    }
}

/// `DXER-T001`: a period is positive, except "instant", which is 0.
fn positive(at: At<'_>, d: &Duration, out: &mut Emitter) {
    let ok = match d.unit {
        DurationUnit::Instant => d.value == 0,
        _ => d.value > 0,
    };
    if !ok {
        out.emit_localized(
            "DXER-T001",
            at,
            &[("value", &d.value.to_string())],
            &[
                ("unit", super::label("durations", d.unit.code())),
                ("instant", super::label("durations", DurationUnit::Instant.code())),
            ],
        );
    }
}

/// A period in a unit that others convert to: hours and working days convert through
/// `Options::hours_per_working_day`; instant is zero in any unit; calendar days and months convert to
/// nothing else, since how many working days they hold depends on the dates.
fn in_hours(d: &Duration, hours_per_day: u64) -> Option<u64> {
    match d.unit {
        DurationUnit::Instant => Some(0),
        DurationUnit::Hours => Some(u64::from(d.value)),
        DurationUnit::WorkingDays => Some(u64::from(d.value) * hours_per_day),
        DurationUnit::CalendarDays | DurationUnit::Months | DurationUnit::Days => None,
    }
}

/// Sum of periods if they can be added up in `unit`'s family.
fn comparable(a: &Duration, b: &Duration) -> bool {
    // Instant is zero in every unit, so anything compares with an instant limit (any positive step exceeds it).
    a.unit == b.unit || a.unit == DurationUnit::Instant || b.unit == DurationUnit::Instant || {
        let hw = |u| matches!(u, DurationUnit::Hours | DurationUnit::WorkingDays);
        hw(a.unit) && hw(b.unit)
    }
}

/// `DXER-T002`, `DXER-T003`: the steps fit within the service time limit (when the source states the limit
/// and every step's period: an unknown period cannot be added up).
fn steps_fit(ctx: &Ctx<'_>, out: &mut Emitter) {
    let Some(limit) = ctx.reg.standard.time_limit.stated() else { return };
    let all = &ctx.reg.procedure.steps;
    if all.is_empty() || all.iter().any(|s| s.time_limit.stated().is_none()) {
        return;
    }
    // Every step's period (each is stated).
    let steps = || all.iter().filter_map(|s| s.time_limit.stated());
    let hpd = u64::from(ctx.opts.hours_per_working_day.max(1));
    let mut all_comparable = true;
    let steps_at = ctx.at("/procedure/steps");
    for (i, s) in steps().enumerate() {
        if !comparable(s, limit) {
            all_comparable = false;
            out.emit_localized(
                "DXER-T003",
                steps_at.index(i).path("/time_limit"),
                &[],
                &[("step", super::duration(s)), ("limit", super::duration(limit))],
            );
            out.rests_on(ctx.at("/standard/time_limit"));
        }
    }
    if !all_comparable {
        return;
    }
    let to_u32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    if limit.unit == DurationUnit::Instant {
        // Any positive step, whatever its unit, exceeds an instant service.
        if let Some(step) = steps().find(|s| s.unit != DurationUnit::Instant && s.value > 0) {
            out.emit_localized(
                "DXER-T002",
                steps_at,
                &[],
                &[("total", super::duration(step)), ("limit", super::duration(limit))],
            );
            out.rests_on(ctx.at("/standard/time_limit"));
        }
        return;
    }
    let (total, max, shown) = match (limit.unit, in_hours(limit, hpd)) {
        (DurationUnit::CalendarDays | DurationUnit::Months | DurationUnit::Days, _) => {
            let total: u64 =
                steps().map(|s| if s.unit == DurationUnit::Instant { 0 } else { u64::from(s.value) }).sum();
            (total, u64::from(limit.value), Duration::new(to_u32(total), limit.unit))
        }
        (_, Some(max)) => {
            let total: u64 = steps().filter_map(|s| in_hours(s, hpd)).sum();
            let shown = if limit.unit == DurationUnit::WorkingDays && total % hpd == 0 {
                Duration::new(to_u32(total / hpd), DurationUnit::WorkingDays)
            } else {
                Duration::new(to_u32(total), DurationUnit::Hours)
            };
            (total, max, shown)
        }
        (_, None) => return,
    };
    if total > max {
        out.emit_localized(
            "DXER-T002",
            steps_at,
            &[],
            &[("total", super::duration(&shown)), ("limit", super::duration(limit))],
        );
        out.rests_on(ctx.at("/standard/time_limit"));
    }
}
