//! Time limits: `DXER-T001`..`DXER-T003`.

use super::{Ctx, Emitter};
use crate::model::{Duration, DurationUnit};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    for (at, d) in durations(ctx) {
        positive(&at, d, out);
    }
    steps_fit(ctx, out);
}

/// Every period in the reglament, with its pointer.
fn durations<'a>(ctx: &Ctx<'a>) -> Vec<(String, &'a Duration)> {
    let reg = ctx.reg;
    let mut all = vec![(ctx.at("/standard/time_limit"), &reg.standard.time_limit)];
    for (i, t) in reg.standard.fees.tiers.iter().enumerate() {
        if let Some(d) = &t.time_limit {
            all.push((ctx.at(&format!("/standard/fees/tiers/{i}/time_limit")), d));
        }
    }
    if let Some(d) = &reg.standard.result.validity {
        all.push((ctx.at("/standard/result/validity"), d));
    }
    for (i, s) in reg.procedure.steps.iter().enumerate() {
        all.push((ctx.at(&format!("/procedure/steps/{i}/time_limit")), &s.time_limit));
    }
    all.push((ctx.at("/appeal/administrative/deadline"), &reg.appeal.administrative.deadline));
    all.push((ctx.at("/appeal/administrative/review_period"), &reg.appeal.administrative.review_period));
    all.push((ctx.at("/appeal/court/deadline"), &reg.appeal.court.deadline));
    if let Some(v) = &reg.variants {
        for (i, variant) in v.variants.iter().enumerate() {
            if let Some(d) = &variant.time_limit {
                all.push((ctx.at(&format!("/variants/variants/{i}/time_limit")), d));
            }
            if let Some(d) = variant.result.as_ref().and_then(|r| r.validity.as_ref()) {
                all.push((ctx.at(&format!("/variants/variants/{i}/result/validity")), d));
            }
        }
    }
    all
}

/// `DXER-T001`: a period is positive, except "instant", which is 0.
fn positive(at: &str, d: &Duration, out: &mut Emitter) {
    let ok = match d.unit {
        DurationUnit::Instant => d.value == 0,
        _ => d.value > 0,
    };
    if !ok {
        out.emit("DXER-T001", at, &[("value", &d.value.to_string()), ("unit", d.unit.code())]);
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
        DurationUnit::CalendarDays | DurationUnit::Months => None,
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

/// `DXER-T002`, `DXER-T003`: the steps fit within the service time limit.
fn steps_fit(ctx: &Ctx<'_>, out: &mut Emitter) {
    let limit = &ctx.reg.standard.time_limit;
    let steps = &ctx.reg.procedure.steps;
    if steps.is_empty() {
        return;
    }
    let hpd = u64::from(ctx.opts.hours_per_working_day.max(1));
    let mut all_comparable = true;
    for (i, s) in steps.iter().enumerate() {
        if !comparable(&s.time_limit, limit) {
            all_comparable = false;
            out.emit_localized(
                "DXER-T003",
                &ctx.at(&format!("/procedure/steps/{i}/time_limit")),
                &[],
                &[("step", super::duration(&s.time_limit)), ("limit", super::duration(limit))],
            );
        }
    }
    if !all_comparable {
        return;
    }
    let to_u32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    if limit.unit == DurationUnit::Instant {
        // Any positive step, whatever its unit, exceeds an instant service.
        if let Some(step) = steps.iter().find(|s| s.time_limit.unit != DurationUnit::Instant && s.time_limit.value > 0)
        {
            out.emit_localized(
                "DXER-T002",
                &ctx.at("/procedure/steps"),
                &[],
                &[("total", super::duration(&step.time_limit)), ("limit", super::duration(limit))],
            );
        }
        return;
    }
    let (total, max, shown) = match (limit.unit, in_hours(limit, hpd)) {
        (DurationUnit::CalendarDays | DurationUnit::Months, _) => {
            let total: u64 = steps
                .iter()
                .map(|s| if s.time_limit.unit == DurationUnit::Instant { 0 } else { u64::from(s.time_limit.value) })
                .sum();
            (total, u64::from(limit.value), Duration::new(to_u32(total), limit.unit))
        }
        (_, Some(max)) => {
            let total: u64 = steps.iter().filter_map(|s| in_hours(&s.time_limit, hpd)).sum();
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
            &ctx.at("/procedure/steps"),
            &[],
            &[("total", super::duration(&shown)), ("limit", super::duration(limit))],
        );
    }
}
