//! The document model: what is said, independent of HTML or Markdown, and the builder's helpers.
//! Escaping happens only when it is written out, in one place per format.

use crate::codelists::CodeLists;
use crate::convert::publish::Publication;
use crate::model::{
    Citation, Condition, Duration, LegalRef, LocalId, LocalizedText, Payment, ProviderCode, Record, RefusalGround,
    ServiceResult, Stated,
};

use super::*;

// The document model: what is said, independent of HTML or Markdown. Escaping happens only when it is
// written out, in one place per format.

/// A piece of inline content.
pub(super) enum Inline {
    /// Text in the document's language (or a code label, a number, a date).
    Text(String),
    /// Text shown in Azerbaijani because the record has no translation in the document's language.
    Az(String),
    /// A URL: a link in HTML when it is `http(s)`, text otherwise.
    Url(String),
}

pub(super) type Line = Vec<Inline>;

pub(super) struct Field {
    pub(super) label: &'static str,
    pub(super) value: Line,
}

pub(super) struct Item {
    pub(super) head: Line,
    pub(super) fields: Vec<Field>,
}

pub(super) enum Block {
    Heading(u8, String),
    Fields(Vec<Field>),
    List(Vec<Item>),
    Para(Line),
    /// Nothing to show ("—").
    Empty,
}

pub(super) struct Doc {
    pub(super) lang: Lang,
    pub(super) title: Line,
    pub(super) service_code: String,
    pub(super) alternates: Vec<(&'static str, &'static str, String)>,
    pub(super) header: Vec<Field>,
    pub(super) blocks: Vec<Block>,
}

pub(super) fn text(s: impl Into<String>) -> Line {
    vec![Inline::Text(s.into())]
}

pub(super) fn joined(parts: Vec<Line>, sep: &str) -> Line {
    let mut out = Line::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::Text(sep.to_string()));
        }
        out.extend(part);
    }
    out
}

pub(super) struct Builder<'a> {
    pub(super) lang: Lang,
    pub(super) lists: &'a CodeLists,
    pub(super) record: &'a Record,
    /// Which fields of the record the page may show.
    pub(super) publication: Publication,
    pub(super) blocks: Vec<Block>,
}

impl<'a> Builder<'a> {
    pub(super) fn t(&self, az: &'static str, en: &'static str, ru: &'static str) -> &'static str {
        self.lang.t(az, en, ru)
    }

    pub(super) fn loc(&self, t: &LocalizedText) -> Inline {
        let translated = match self.lang {
            Lang::Az => Some(&t.az),
            Lang::En => t.en.as_ref(),
            Lang::Ru => t.ru.as_ref(),
        };
        match translated {
            Some(s) => Inline::Text(s.clone()),
            None => Inline::Az(t.az.clone()),
        }
    }

    pub(super) fn loc_line(&self, t: &LocalizedText) -> Line {
        vec![self.loc(t)]
    }

    pub(super) fn label(&self, list: &str, code: &str) -> String {
        match self.lists.label(list, code) {
            Some(l) => l.get(self.lang.as_str()).to_string(),
            None => code.to_string(),
        }
    }

    pub(super) fn codes<T: std::fmt::Display>(&self, list: &str, items: &[T]) -> Line {
        text(items.iter().map(|c| self.label(list, &c.to_string())).collect::<Vec<_>>().join("; "))
    }

    pub(super) fn provider(&self, code: &ProviderCode) -> String {
        match self.lists.provider(code.as_str()) {
            Some(p) => format!("{} ({code})", p.label.get(self.lang.as_str())),
            None => code.to_string(),
        }
    }

    pub(super) fn providers(&self, codes: &[ProviderCode]) -> Line {
        text(codes.iter().map(|c| self.provider(c)).collect::<Vec<_>>().join("; "))
    }

    pub(super) fn area(&self, code: &str) -> String {
        match self.lists.service_area(code) {
            Some(a) => a.label.get(self.lang.as_str()).to_string(),
            None => code.to_string(),
        }
    }

    pub(super) fn duration(&self, d: &Duration) -> Line {
        text(duration_text(d, self.lang.as_str()))
    }

    pub(super) fn yes_no(&self, b: bool) -> Line {
        text(if b { self.t("Bəli", "Yes", "Да") } else { self.t("Xeyr", "No", "Нет") })
    }

    /// `Title (№ 279-VIIQ, 2025-10-31; maddə 7.1, maddə 7.2)`.
    pub(super) fn legal(&self, r: &LegalRef) -> Line {
        let mut line = self.loc_line(&r.title);
        let mut parts = Vec::new();
        if let Some(n) = &r.number {
            parts.push(format!("№ {n}"));
        }
        if let Some(d) = r.date {
            parts.push(d.to_string());
        }
        let mut tail = parts.join(", ");
        if !r.articles.is_empty() {
            if !tail.is_empty() {
                tail.push_str("; ");
            }
            tail.push_str(&r.articles.join(", "));
        }
        if !tail.is_empty() {
            line.push(Inline::Text(format!(" ({tail})")));
        }
        line
    }

    /// Citations; a short one as the act of the legal basis it names, with its own articles.
    pub(super) fn citations(&self, refs: &[Citation]) -> Line {
        let basis = self.record.reglament.general.legal_basis.items();
        let one = |c: &Citation| match (c, c.resolve(basis)) {
            (Citation::Full(r), _) => self.legal(r),
            (Citation::Short(s), Some(act)) => self.legal(&LegalRef { articles: s.articles.clone(), ..act.clone() }),
            (Citation::Short(s), None) => text(s.act.as_str()),
        };
        joined(refs.iter().map(one).collect(), "; ")
    }

    /// A value the source may be silent on: `shown` of it, or "not stated in the source" with the note.
    pub(super) fn stated<T>(&self, v: &Stated<T>, shown: impl FnOnce(&T) -> Line) -> Line {
        match v {
            Stated::Stated(x) => shown(x),
            Stated::NotStated(n) => {
                let mut l = text(self.t("Mənbədə göstərilməyib", "Not stated in the source", "В источнике не указано"));
                if let Some(note) = &n.note {
                    l.push(Inline::Text(" — ".into()));
                    l.extend(self.loc_line(note));
                }
                l
            }
        }
    }

    /// A condition in words: channels, user categories, applicant attributes, the source's text.
    pub(super) fn condition(&self, c: &Condition) -> Line {
        let mut parts = Vec::new();
        if !c.channels.is_empty() {
            parts.push(self.codes("channels", &c.channels));
        }
        if !c.user_categories.is_empty() {
            parts.push(self.codes("user-categories", &c.user_categories));
        }
        for (attr, values) in &c.applicant {
            let ids: Vec<&str> = values.iter().map(|v| v.as_str()).collect();
            parts.push(text(format!("{attr}: {}", ids.join(" / "))));
        }
        if let Some(t) = &c.text {
            parts.push(self.loc_line(t));
        }
        joined(parts, "; ")
    }

    /// One payment: amount, per-unit part, kind, condition, legal basis.
    pub(super) fn payment_fields(&self, p: &Payment<'_>, fields: &mut Vec<Field>) {
        let mut amount = text(money_text(p.amount));
        if let Some(u) = p.per_unit {
            amount.push(Inline::Text(format!(
                " + {} / {}",
                money_text(u.amount),
                self.label("fee-units", u.unit.code())
            )));
            if let Some(n) = &u.note {
                amount.push(Inline::Text(" (".into()));
                amount.extend(self.loc_line(n));
                amount.push(Inline::Text(")".into()));
            }
        }
        fields.push(self.field(self.t("Məbləğ", "Amount", "Сумма"), amount));
        fields.push(self.field(
            self.t("Ödənişin növü", "Kind of fee", "Вид платежа"),
            text(self.label("fee-kinds", p.kind.code())),
        ));
        if let Some(c) = p.condition {
            fields.push(self.field(self.t("Şərt", "Condition", "Условие"), self.condition(c)));
        }
        if !p.legal_basis.is_empty() {
            fields.push(
                self.field(self.t("Hüquqi əsas", "Legal basis", "Правовое основание"), self.citations(p.legal_basis)),
            );
        }
    }

    /// A list the source states to be empty, in its words.
    pub(super) fn none_by_source(&mut self, words: &LocalizedText) {
        let mut line = text(self.t("Mənbəyə görə yoxdur: ", "None, according to the source: ", "По источнику нет: "));
        line.extend(self.loc_line(words));
        self.blocks.push(Block::Para(line));
    }

    pub(super) fn heading(&mut self, level: u8, title: String) {
        self.blocks.push(Block::Heading(level, title));
    }

    pub(super) fn fields(&mut self, fields: Vec<Field>) {
        if fields.is_empty() {
            self.blocks.push(Block::Empty);
        } else {
            self.blocks.push(Block::Fields(fields));
        }
    }

    pub(super) fn list(&mut self, items: Vec<Item>) {
        if items.is_empty() {
            self.blocks.push(Block::Empty);
        } else {
            self.blocks.push(Block::List(items));
        }
    }

    pub(super) fn field(&self, label: &'static str, value: Line) -> Field {
        Field { label, value }
    }

    pub(super) fn document_name(&self, id: &LocalId) -> Line {
        match self.record.reglament.standard.documents.iter().find(|d| &d.id == id) {
            Some(d) => self.loc_line(&d.name),
            None => text(id.as_str()),
        }
    }

    pub(super) fn result_fields(&self, r: &ServiceResult) -> Vec<Field> {
        let mut f = vec![
            self.field(
                self.t("Nəticənin növü", "Kind of result", "Вид результата"),
                text(self.label("result-kinds", r.kind.code())),
            ),
            self.field(
                self.t("Nəticənin adı", "Name of the result", "Наименование результата"),
                self.loc_line(&r.name),
            ),
            self.field(
                self.t("Daşıyıcı", "Medium", "Носитель"),
                self.stated(&r.medium, |m| text(self.label("result-media", m.code()))),
            ),
        ];
        if let Some(v) = &r.validity {
            f.push(self.field(self.t("Qüvvədə olma müddəti", "Valid for", "Срок действия"), self.duration(v)));
        }
        for d in &r.delivery {
            let mut l = self.codes("channels", &d.apply);
            l.push(Inline::Text(" → ".into()));
            l.push(Inline::Text(self.label("result-media", d.medium.code())));
            l.push(Inline::Text(", ".into()));
            l.extend(self.codes("channels", &d.receive));
            f.push(self.field(self.t("Nəticənin təqdim edilməsi", "Delivery of the result", "Выдача результата"), l));
        }
        f
    }

    pub(super) fn refusal_items(&self, grounds: &[RefusalGround]) -> Vec<Item> {
        grounds
            .iter()
            .map(|g| {
                let mut fields = Vec::new();
                if !g.legal_basis.is_empty() {
                    fields.push(self.field(
                        self.t("Hüquqi əsas", "Legal basis", "Правовое основание"),
                        self.citations(&g.legal_basis),
                    ));
                }
                fields.push(self.field(
                    self.t("Təkrar müraciət mümkündür", "Re-application allowed", "Повторное обращение возможно"),
                    self.stated(&g.reapplication_allowed, |b| self.yes_no(*b)),
                ));
                Item { head: self.loc_line(&g.text), fields }
            })
            .collect()
    }
}
