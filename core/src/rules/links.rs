//! Links: every address of a record is a web address, `https://` or `http://` (`DXER-U001`). A
//! `javascript:` or `data:` link in an e-form, a contact page or an annex would run code or show hidden
//! content wherever the record is published or linked.

use super::{At, Ctx, Emitter};
use crate::text::is_web_url;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let reg = ctx.reg;
    let mut check = |url: Option<&String>, at: At<'_>| {
        if let Some(url) = url.filter(|u| !is_web_url(u)) {
            out.emit("DXER-U001", at, &[("value", &quoted(url))]);
        }
    };
    if let Some(record) = ctx.record {
        check(record.eservice.as_ref().and_then(|e| e.e_form_url.as_ref()), At::new("/eservice/e_form_url"));
    }
    let form = reg.standard.application_form.as_ref();
    check(form.and_then(|f| f.e_form_url.as_ref()), ctx.at("/standard/application_form/e_form_url"));
    check(reg.contact.web.as_ref(), ctx.at("/contact/web"));
    let annexes = ctx.at("/annexes");
    for (i, annex) in reg.annexes.iter().enumerate() {
        check(annex.url.as_ref(), annexes.index(i).path("/url"));
    }
}

/// The address as a JSON string (its controls escaped), cut at 60 characters.
fn quoted(url: &str) -> String {
    let cut: String = url.chars().take(60).collect();
    let more = if cut.len() < url.len() { "..." } else { "" };
    format!("{}{more}", serde_json::Value::String(cut))
}
