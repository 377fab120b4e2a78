//! The reglament as a readable, printable document: self-contained HTML and Markdown.
//!
//! Sections follow the model form (domain brief §3): 1 General provisions, 2 Service standard,
//! 3 Procedure, 4 Appeal, 5 Contact and quality, 6 Annexes, then 7 Applicant variants (when the record
//! has them) and the DXER record data (registry, e-service, data sources).
//!
//! `lang` (`"az"`, `"en"` or `"ru"`; anything else gives `"az"`) chooses the language of headings, field
//! names and code labels, and the language of the record's texts; a text without a translation is shown in
//! Azerbaijani (in HTML marked `lang="az"`). The service's name is also given in its other languages.
//! Codes are shown with their labels from the code lists, periods as `10 iş günü` / `10 working days` /
//! `10 рабочих дней`, amounts as `20.00 AZN`, dates as `YYYY-MM-DD`.
//!
//! **Every text of the record is escaped.** HTML: `& < > " '` become entities, links are made only of
//! `http(s)` URLs, and a Content-Security-Policy forbids scripts and any external resource. Markdown: the
//! characters that make markup (`\ ` * _ [ ] # | ~`, and a leading `-`, `+`, `=` or `1.`) are
//! backslash-escaped and `& < >` become entities, so no text can create a link, an image or raw HTML;
//! line breaks inside a text become spaces.
//!
//! ```
//! use dxer::convert::render::{to_html, to_markdown};
//! use dxer::{parse_record, Options};
//!
//! // Exports take typed records: JSON text goes through `parse_record`, which refuses an invalid record.
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//!
//! let html = to_html(&record, "az");
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("<h2>1. Ümumi müddəalar</h2>"));
//! let md = to_markdown(&record, "en");
//! assert!(md.contains("## 2. Service standard"));
//! assert!(md.contains("working days"));
//! ```

use std::fmt::Write as _;

use crate::codelists::CodeLists;
use crate::model::{
    Citation, Condition, Duration, LegalRef, LocalId, LocalizedText, Money, Payment, ProviderCode, Record,
    RefusalGround, ServiceResult, Stated,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Az,
    En,
    Ru,
}

impl Lang {
    fn parse(lang: &str) -> Lang {
        match lang {
            "en" => Lang::En,
            "ru" => Lang::Ru,
            _ => Lang::Az,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Lang::Az => "az",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    fn t(self, az: &'static str, en: &'static str, ru: &'static str) -> &'static str {
        match self {
            Lang::Az => az,
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// A period as words in `lang` (`"az"`, `"en"`, `"ru"`; anything else gives Azerbaijani).
///
/// ```
/// use dxer::convert::render::duration_text;
/// use dxer::model::{Duration, DurationUnit};
/// let d = Duration::new(10, DurationUnit::WorkingDays);
/// assert_eq!(duration_text(&d, "az"), "10 iş günü");
/// assert_eq!(duration_text(&d, "en"), "10 working days");
/// assert_eq!(duration_text(&d, "ru"), "10 рабочих дней");
/// assert_eq!(duration_text(&Duration::new(1, DurationUnit::Months), "en"), "1 month");
/// assert_eq!(duration_text(&Duration::new(0, DurationUnit::Instant), "az"), "dərhal");
/// ```
pub fn duration_text(d: &Duration, lang: &str) -> String {
    d.text(lang)
}

/// An amount as `20.00 AZN`.
///
/// ```
/// assert_eq!(dxer::convert::render::money_text(dxer::model::Money::from_qepik(2000)), "20.00 AZN");
/// ```
pub fn money_text(m: Money) -> String {
    format!("{m} AZN")
}

// ---------------------------------------------------------------------------------------------------
// The document model: what is said, independent of HTML or Markdown. Escaping happens only when it is
// written out, in one place per format.

/// A piece of inline content.
enum Inline {
    /// Text in the document's language (or a code label, a number, a date).
    Text(String),
    /// Text shown in Azerbaijani because the record has no translation in the document's language.
    Az(String),
    /// A URL: a link in HTML when it is `http(s)`, text otherwise.
    Url(String),
}

type Line = Vec<Inline>;

struct Field {
    label: &'static str,
    value: Line,
}

struct Item {
    head: Line,
    fields: Vec<Field>,
}

enum Block {
    Heading(u8, String),
    Fields(Vec<Field>),
    List(Vec<Item>),
    Para(Line),
    /// Nothing to show ("—").
    Empty,
}

struct Doc {
    lang: Lang,
    title: Line,
    service_code: String,
    alternates: Vec<(&'static str, &'static str, String)>,
    header: Vec<Field>,
    blocks: Vec<Block>,
}

fn text(s: impl Into<String>) -> Line {
    vec![Inline::Text(s.into())]
}

fn joined(parts: Vec<Line>, sep: &str) -> Line {
    let mut out = Line::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::Text(sep.to_string()));
        }
        out.extend(part);
    }
    out
}

struct Builder<'a> {
    lang: Lang,
    lists: &'a CodeLists,
    record: &'a Record,
    blocks: Vec<Block>,
}

impl<'a> Builder<'a> {
    fn t(&self, az: &'static str, en: &'static str, ru: &'static str) -> &'static str {
        self.lang.t(az, en, ru)
    }

    fn loc(&self, t: &LocalizedText) -> Inline {
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

    fn loc_line(&self, t: &LocalizedText) -> Line {
        vec![self.loc(t)]
    }

    fn label(&self, list: &str, code: &str) -> String {
        match self.lists.label(list, code) {
            Some(l) => l.get(self.lang.code()).to_string(),
            None => code.to_string(),
        }
    }

    fn codes<T: std::fmt::Display>(&self, list: &str, items: &[T]) -> Line {
        text(items.iter().map(|c| self.label(list, &c.to_string())).collect::<Vec<_>>().join("; "))
    }

    fn provider(&self, code: &ProviderCode) -> String {
        match self.lists.provider(code.as_str()) {
            Some(p) => format!("{} ({code})", p.label.get(self.lang.code())),
            None => code.to_string(),
        }
    }

    fn providers(&self, codes: &[ProviderCode]) -> Line {
        text(codes.iter().map(|c| self.provider(c)).collect::<Vec<_>>().join("; "))
    }

    fn area(&self, code: &str) -> String {
        match self.lists.service_area(code) {
            Some(a) => a.label.get(self.lang.code()).to_string(),
            None => code.to_string(),
        }
    }

    fn duration(&self, d: &Duration) -> Line {
        text(duration_text(d, self.lang.code()))
    }

    fn yes_no(&self, b: bool) -> Line {
        text(if b { self.t("Bəli", "Yes", "Да") } else { self.t("Xeyr", "No", "Нет") })
    }

    /// `Title (№ 279-VIIQ, 2025-10-31; maddə 7.1, maddə 7.2)`.
    fn legal(&self, r: &LegalRef) -> Line {
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
    fn citations(&self, refs: &[Citation]) -> Line {
        let basis = self.record.reglament.general.legal_basis.items();
        let one = |c: &Citation| match (c, c.resolve(basis)) {
            (Citation::Full(r), _) => self.legal(r),
            (Citation::Short(s), Some(act)) => self.legal(&LegalRef { articles: s.articles.clone(), ..act.clone() }),
            (Citation::Short(s), None) => text(s.act.as_str()),
        };
        joined(refs.iter().map(one).collect(), "; ")
    }

    /// A value the source may be silent on: `shown` of it, or "not stated in the source" with the note.
    fn stated<T>(&self, v: &Stated<T>, shown: impl FnOnce(&T) -> Line) -> Line {
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
    fn condition(&self, c: &Condition) -> Line {
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
    fn payment_fields(&self, p: &Payment<'_>, fields: &mut Vec<Field>) {
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
    fn none_by_source(&mut self, words: &LocalizedText) {
        let mut line = text(self.t("Mənbəyə görə yoxdur: ", "None, according to the source: ", "По источнику нет: "));
        line.extend(self.loc_line(words));
        self.blocks.push(Block::Para(line));
    }

    fn heading(&mut self, level: u8, title: String) {
        self.blocks.push(Block::Heading(level, title));
    }

    fn fields(&mut self, fields: Vec<Field>) {
        if fields.is_empty() {
            self.blocks.push(Block::Empty);
        } else {
            self.blocks.push(Block::Fields(fields));
        }
    }

    fn list(&mut self, items: Vec<Item>) {
        if items.is_empty() {
            self.blocks.push(Block::Empty);
        } else {
            self.blocks.push(Block::List(items));
        }
    }

    fn field(&self, label: &'static str, value: Line) -> Field {
        Field { label, value }
    }

    fn document_name(&self, id: &LocalId) -> Line {
        match self.record.reglament.standard.documents.iter().find(|d| &d.id == id) {
            Some(d) => self.loc_line(&d.name),
            None => text(id.as_str()),
        }
    }

    fn result_fields(&self, r: &ServiceResult) -> Vec<Field> {
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

    fn refusal_items(&self, grounds: &[RefusalGround]) -> Vec<Item> {
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

    fn general(&mut self) {
        let g = &self.record.reglament.general;
        self.heading(2, format!("1. {}", self.t("Ümumi müddəalar", "General provisions", "Общие положения")));
        let mut f = vec![
            self.field(
                self.t("DXER xidmət kodu", "DXER service code", "Код услуги в DXER"),
                text(g.service_code.as_str()),
            ),
            self.field(self.t("Xidmətin adı", "Name of the service", "Наименование услуги"), self.loc_line(&g.name)),
        ];
        if let Some(d) = &g.description {
            f.push(self.field(self.t("Qısa təsvir", "Short description", "Краткое описание"), self.loc_line(d)));
        }
        f.push(
            self.field(self.t("Xidmət təminatçısı", "Provider", "Поставщик услуги"), text(self.provider(&g.provider))),
        );
        if !g.co_executors.is_empty() {
            f.push(
                self.field(self.t("Birgə icraçılar", "Co-executors", "Соисполнители"), self.providers(&g.co_executors)),
            );
        }
        if !g.data_suppliers.is_empty() {
            f.push(self.field(
                self.t("Məlumat təqdim edən qurumlar", "Bodies supplying data", "Органы, предоставляющие данные"),
                self.providers(&g.data_suppliers),
            ));
        }
        f.push(self.field(
            self.t("İstifadəçi kateqoriyaları", "User categories", "Категории пользователей"),
            self.stated(&g.user_categories, |c| self.codes("user-categories", c)),
        ));
        f.push(self.field(
            self.t("Xidmətin növü", "Service type", "Тип услуги"),
            text(self.label("service-types", g.service_type.code())),
        ));
        f.push(self.field(
            self.t("Göstərilmə forması", "Form of delivery", "Форма предоставления"),
            text(self.label("service-forms", g.form.code())),
        ));
        f.push(
            self.field(self.t("Proaktiv xidmət", "Proactive service", "Проактивная услуга"), self.yes_no(g.proactive)),
        );
        if !g.components.is_empty() {
            f.push(self.field(
                self.t("Kompozit xidmətin tərkib xidmətləri", "Component services", "Составные услуги"),
                text(g.components.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; ")),
            ));
        }
        f.push(self.field(
            self.t("Müraciət yerləri və kanalları", "Places and channels", "Места и каналы обращения"),
            self.stated(&g.channels, |c| self.codes("channels", c)),
        ));
        f.push(self.field(
            self.t("Avtomatlaşdırma səviyyəsi", "Level of automation", "Уровень автоматизации"),
            self.stated(&g.automation, |a| text(self.label("automation-levels", a.code()))),
        ));
        if let Some(c) = &g.conditions {
            for e in &c.eligibility {
                f.push(self.field(
                    self.t("Kim müraciət edə bilər", "Eligibility", "Кто может обратиться"),
                    self.loc_line(&e.text),
                ));
            }
            for a in &c.availability {
                f.push(
                    self.field(self.t("Müraciət dövrü", "Availability", "Период обращения"), self.loc_line(&a.text)),
                );
            }
            for p in &c.prerequisites {
                f.push(
                    self.field(self.t("İlkin şərt", "Prerequisite", "Предварительное условие"), self.loc_line(&p.text)),
                );
            }
        }
        self.fields(f);
        self.heading(3, self.t("Hüquqi əsas", "Legal basis", "Правовое основание").into());
        match &g.legal_basis {
            Stated::Stated(basis) => {
                let items = basis.iter().map(|r| Item { head: self.legal(r), fields: vec![] }).collect();
                self.list(items);
            }
            not_stated => {
                let line = self.stated(not_stated, |_| Vec::new());
                self.blocks.push(Block::Para(line));
            }
        }
    }

    fn standard(&mut self) {
        let s = &self.record.reglament.standard;
        self.heading(2, format!("2. {}", self.t("Xidmətin standartı", "Service standard", "Стандарт услуги")));

        self.heading(
            3,
            format!("2.1. {}", self.t("Tələb olunan sənədlər", "Required documents", "Необходимые документы")),
        );
        let items: Vec<Item> = s
            .documents
            .iter()
            .map(|d| {
                let mut fields = vec![
                    self.field(self.t("Növü", "Kind", "Вид"), text(self.label("document-kinds", d.kind.code()))),
                    self.field(
                        self.t("Forması", "Form", "Форма"),
                        self.stated(&d.form, |f| text(self.label("document-forms", f.code()))),
                    ),
                    self.field(
                        self.t("Nüsxələrin sayı", "Copies", "Количество экземпляров"),
                        text(d.count.to_string()),
                    ),
                    self.field(
                        self.t("Kim təqdim edir", "Supplied by", "Кто представляет"),
                        text(self.label("provided-by", d.provided_by.code())),
                    ),
                ];
                if let Some(src) = &d.source {
                    let mut v = text(format!("{}: ", self.provider(&src.body)));
                    v.push(self.loc(&src.register));
                    fields.push(self.field(self.t("Mənbə", "Source", "Источник"), v));
                }
                for cf in &d.channel_forms {
                    let mut l = self.codes("channels", &cf.channels);
                    l.push(Inline::Text(format!(": {}", self.label("document-forms", cf.form.code()))));
                    fields.push(self.field(self.t("Kanal üzrə forması", "Form by channel", "Форма по каналу"), l));
                }
                if let Some(group) = &d.one_of {
                    fields.push(self.field(
                        self.t("Alternativlərdən biri", "One of the alternatives", "Одна из альтернатив"),
                        text(group.as_str()),
                    ));
                }
                if let Some(n) = &d.note {
                    fields.push(self.field(self.t("Qeyd", "Note", "Примечание"), self.loc_line(n)));
                }
                Item { head: self.loc_line(&d.name), fields }
            })
            .collect();
        match &s.no_documents {
            Some(words) if items.is_empty() => self.none_by_source(words),
            _ => self.list(items),
        }

        self.heading(3, format!("2.2. {}", self.t("Ərizə forması", "Application form", "Форма заявления")));
        let mut f = Vec::new();
        if let Some(form) = &s.application_form {
            if let Some(annex) = &form.annex {
                let title = match self.record.reglament.annexes.iter().find(|a| &a.id == annex) {
                    Some(a) => {
                        let mut l = self.loc_line(&a.title);
                        l.push(Inline::Text(format!(" ({annex})")));
                        l
                    }
                    None => text(annex.as_str()),
                };
                f.push(self.field(self.t("Əlavə", "Annex", "Приложение"), title));
            }
            if let Some(url) = &form.e_form_url {
                f.push(
                    self.field(self.t("Elektron forma", "E-form", "Электронная форма"), vec![Inline::Url(url.clone())]),
                );
            }
            if let Some(words) = &form.automatic {
                f.push(self.field(
                    self.t(
                        "Sorğu avtomatik formalaşır",
                        "Request formed automatically",
                        "Запрос формируется автоматически",
                    ),
                    self.loc_line(words),
                ));
            }
        }
        self.fields(f);

        self.heading(3, format!("2.3. {}", self.t("Ödəniş", "Fees", "Оплата")));
        match &s.fees {
            Stated::Stated(fees) if fees.free && fees.tiers.is_empty() => self.blocks.push(Block::Para(text(self.t(
                "Xidmət ödənişsizdir.",
                "The service is free of charge.",
                "Услуга предоставляется бесплатно.",
            )))),
            Stated::Stated(fees) => {
                let items = fees
                    .tiers
                    .iter()
                    .map(|tier| {
                        let head = match &tier.label {
                            Some(l) => self.loc_line(l),
                            None => text(tier.id.as_str()),
                        };
                        let mut fields = Vec::new();
                        for (i, payment) in tier.payments().enumerate() {
                            if i > 0 {
                                let label = tier.components[i - 1].label.as_ref();
                                let head = label.map(|l| self.loc_line(l)).unwrap_or_else(|| text(format!("+ {i}")));
                                fields.push(self.field(
                                    self.t("Birlikdə ödənilir", "Paid together with it", "Оплачивается вместе"),
                                    head,
                                ));
                            }
                            self.payment_fields(&payment, &mut fields);
                        }
                        if let Some(d) = &tier.time_limit {
                            fields.push(self.field(self.t("Müddət", "Time limit", "Срок"), self.duration(d)));
                        }
                        Item { head, fields }
                    })
                    .collect();
                self.list(items);
            }
            not_stated => {
                let line = self.stated(not_stated, |_| Vec::new());
                self.blocks.push(Block::Para(line));
            }
        }

        self.heading(
            3,
            format!("2.4. {}", self.t("Xidmətin göstərilmə müddəti", "Time limit", "Срок предоставления услуги")),
        );
        let line = self.stated(&s.time_limit, |d| self.duration(d));
        self.blocks.push(Block::Para(line));

        self.heading(3, format!("2.5. {}", self.t("Xidmətin nəticəsi", "Result of the service", "Результат услуги")));
        match &s.result {
            Stated::Stated(r) => {
                let f = self.result_fields(r);
                self.fields(f);
            }
            not_stated => {
                let line = self.stated(not_stated, |_| Vec::new());
                self.blocks.push(Block::Para(line));
            }
        }
    }

    fn procedure(&mut self) {
        let p = &self.record.reglament.procedure;
        self.heading(
            2,
            format!("3. {}", self.t("Xidmətin göstərilməsi qaydası", "Procedure", "Порядок предоставления услуги")),
        );

        self.heading(
            3,
            format!(
                "3.1. {}",
                self.t(
                    "Müraciətin qəbulu və qeydiyyatı",
                    "Acceptance and registration",
                    "Приём и регистрация обращения"
                )
            ),
        );
        let f = vec![
            self.field(
                self.t(
                    "Daxil olduğu gün qeydiyyata alınır",
                    "Registered on the day received",
                    "Регистрируется в день поступления",
                ),
                self.stated(&p.acceptance.same_day_registration, |b| self.yes_no(*b)),
            ),
            self.field(
                self.t("Təsdiqetmə bildirişi verilir", "Confirmation notice issued", "Выдаётся уведомление о приёме"),
                self.stated(&p.acceptance.confirmation_notice, |b| self.yes_no(*b)),
            ),
        ];
        self.fields(f);

        self.heading(3, format!("3.2. {}", self.t("Addımlar", "Steps", "Этапы")));
        let items = p
            .steps
            .iter()
            .map(|s| Item {
                head: self.loc_line(&s.name),
                fields: vec![
                    self.field(
                        self.t("Məsul", "Responsible", "Ответственный"),
                        self.stated(&s.responsible, |r| self.loc_line(r)),
                    ),
                    self.field(
                        self.t("Müddət", "Time limit", "Срок"),
                        self.stated(&s.time_limit, |d| self.duration(d)),
                    ),
                ],
            })
            .collect();
        self.list(items);

        self.heading(3, format!("3.3. {}", self.t("İmtina üçün əsaslar", "Refusal grounds", "Основания для отказа")));
        let items = self.refusal_items(&p.refusal_grounds);
        match &p.no_refusal_grounds {
            Some(words) if items.is_empty() => self.none_by_source(words),
            _ => self.list(items),
        }

        self.heading(
            3,
            format!("3.4. {}", self.t("Məlumatlandırma kanalları", "Notification channels", "Каналы уведомления")),
        );
        if p.notification_channels.is_empty() {
            self.blocks.push(Block::Empty);
        } else {
            let line = self.codes("notification-channels", &p.notification_channels);
            self.blocks.push(Block::Para(line));
        }
    }

    fn appeal(&mut self) {
        let a = &self.record.reglament.appeal;
        self.heading(2, format!("4. {}", self.t("Şikayət", "Appeal", "Обжалование")));
        self.heading(
            3,
            format!("4.1. {}", self.t("İnzibati şikayət", "Administrative complaint", "Административная жалоба")),
        );
        let f = match &a.administrative {
            Stated::Stated(adm) => {
                let mut f = vec![
                    self.field(
                        self.t("Şikayətə baxan orqan", "Body hearing the complaint", "Орган, рассматривающий жалобу"),
                        self.loc_line(&adm.body),
                    ),
                    self.field(
                        self.t("Şikayət vermə müddəti", "Deadline to complain", "Срок подачи жалобы"),
                        self.stated(&adm.deadline, |d| self.duration(d)),
                    ),
                    self.field(
                        self.t("Baxılma müddəti", "Review period", "Срок рассмотрения"),
                        self.stated(&adm.review_period, |d| self.duration(d)),
                    ),
                ];
                if !adm.legal_basis.is_empty() {
                    f.push(self.field(
                        self.t("Hüquqi əsas", "Legal basis", "Правовое основание"),
                        self.citations(&adm.legal_basis),
                    ));
                }
                f
            }
            not_stated => vec![self.field(
                self.t("İnzibati şikayət", "Administrative complaint", "Административная жалоба"),
                self.stated(not_stated, |_| Vec::new()),
            )],
        };
        self.fields(f);
        self.heading(3, format!("4.2. {}", self.t("Məhkəməyə şikayət", "Court", "Обжалование в суде")));
        let f = match &a.court {
            Stated::Stated(court) => {
                let mut f = vec![self.field(
                    self.t("Müraciət müddəti", "Deadline", "Срок обращения"),
                    self.stated(&court.deadline, |d| self.duration(d)),
                )];
                if !court.legal_basis.is_empty() {
                    f.push(self.field(
                        self.t("Hüquqi əsas", "Legal basis", "Правовое основание"),
                        self.citations(&court.legal_basis),
                    ));
                }
                f
            }
            not_stated => vec![self.field(
                self.t("Məhkəməyə şikayət", "Court", "Обжалование в суде"),
                self.stated(not_stated, |_| Vec::new()),
            )],
        };
        self.fields(f);
    }

    fn contact(&mut self) {
        let c = &self.record.reglament.contact;
        self.heading(2, format!("5. {}", self.t("Əlaqə və keyfiyyət", "Contact and quality", "Контакты и качество")));
        let mut f = Vec::new();
        if let Some(h) = &c.hotline {
            f.push(self.field(self.t("Qaynar xətt", "Hotline", "Горячая линия"), text(h.clone())));
        }
        if let Some(w) = &c.web {
            f.push(self.field(self.t("İnternet səhifəsi", "Web page", "Веб-страница"), vec![Inline::Url(w.clone())]));
        }
        if let Some(e) = &c.email {
            f.push(self.field(self.t("Elektron poçt", "E-mail", "Электронная почта"), text(e.clone())));
        }
        if let Some(fb) = &c.feedback {
            f.push(self.field(
                self.t("Rəy və məmnunluq", "Feedback and satisfaction", "Отзывы и удовлетворённость"),
                self.loc_line(fb),
            ));
        }
        self.fields(f);
    }

    fn annexes(&mut self) {
        self.heading(2, format!("6. {}", self.t("Əlavələr", "Annexes", "Приложения")));
        let items = self
            .record
            .reglament
            .annexes
            .iter()
            .map(|a| {
                let mut fields =
                    vec![self.field(self.t("İdentifikator", "Identifier", "Идентификатор"), text(a.id.as_str()))];
                if let Some(u) = &a.url {
                    fields.push(self.field(self.t("Ünvan", "Address", "Адрес"), vec![Inline::Url(u.clone())]));
                }
                Item { head: self.loc_line(&a.title), fields }
            })
            .collect();
        self.list(items);
    }

    /// Returns whether the record has variants (the next section's number depends on it).
    fn variants(&mut self) -> bool {
        let Some(v) = &self.record.reglament.variants else { return false };
        self.heading(
            2,
            format!("7. {}", self.t("Müraciət edənin variantları", "Applicant variants", "Варианты для заявителя")),
        );
        self.heading(3, format!("7.1. {}", self.t("Atributlar", "Attributes", "Признаки")));
        let items = v
            .attributes
            .iter()
            .map(|a| Item {
                head: self.loc_line(&a.label),
                fields: vec![self.field(
                    self.t("Qiymətlər", "Values", "Значения"),
                    joined(a.values.iter().map(|x| self.loc_line(&x.label)).collect(), "; "),
                )],
            })
            .collect();
        self.list(items);
        self.heading(3, format!("7.2. {}", self.t("Variantlar", "Variants", "Варианты")));
        let tiers = self.record.reglament.standard.fee_tiers();
        let items = v
            .variants
            .iter()
            .map(|variant| {
                let conditions = v
                    .attributes
                    .iter()
                    .map(|a| {
                        let mut line = self.loc_line(&a.label);
                        line.push(Inline::Text(": ".into()));
                        match variant.when.get(&a.id) {
                            Some(ids) => {
                                let values = ids
                                    .iter()
                                    .map(|id| match a.values.iter().find(|x| &x.id == id) {
                                        Some(x) => self.loc_line(&x.label),
                                        None => text(id.as_str()),
                                    })
                                    .collect();
                                line.extend(joined(values, " / "));
                            }
                            None => line.push(Inline::Text(self.t("istənilən", "any", "любое").into())),
                        }
                        line
                    })
                    .collect();
                let mut fields = vec![self.field(self.t("Şərtlər", "Conditions", "Условия"), joined(conditions, "; "))];
                if !variant.documents.is_empty() {
                    fields.push(self.field(
                        self.t("Sənədlər", "Documents", "Документы"),
                        joined(variant.documents.iter().map(|id| self.document_name(id)).collect(), "; "),
                    ));
                }
                if !variant.fee_tiers.is_empty() {
                    let fees = variant
                        .fee_tiers
                        .iter()
                        .map(|id| match tiers.iter().find(|t| &t.id == id) {
                            Some(t) => {
                                let mut l = match &t.label {
                                    Some(label) => self.loc_line(label),
                                    None => text(t.id.as_str()),
                                };
                                l.push(Inline::Text(format!(": {}", money_text(t.amount))));
                                l
                            }
                            None => text(id.as_str()),
                        })
                        .collect();
                    fields.push(self.field(self.t("Ödəniş", "Fees", "Оплата"), joined(fees, "; ")));
                }
                if let Some(d) = &variant.time_limit {
                    fields.push(self.field(self.t("Müddət", "Time limit", "Срок"), self.duration(d)));
                }
                if let Some(r) = &variant.result {
                    let mut l = self.loc_line(&r.name);
                    let medium = match r.medium.get() {
                        Some(m) => self.label("result-media", m.code()),
                        None => self.t("daşıyıcı göstərilməyib", "medium not stated", "носитель не указан").to_string(),
                    };
                    l.push(Inline::Text(format!(" ({}; {medium})", self.label("result-kinds", r.kind.code()))));
                    fields.push(self.field(self.t("Nəticə", "Result", "Результат"), l));
                }
                if !variant.refusal_grounds.is_empty() {
                    let grounds = variant
                        .refusal_grounds
                        .iter()
                        .map(|g| {
                            let mut l = self.loc_line(&g.text);
                            if !g.legal_basis.is_empty() {
                                l.push(Inline::Text(" — ".into()));
                                l.extend(self.citations(&g.legal_basis));
                            }
                            l
                        })
                        .collect();
                    fields.push(self.field(
                        self.t(
                            "Əlavə imtina əsasları",
                            "Additional refusal grounds",
                            "Дополнительные основания для отказа",
                        ),
                        joined(grounds, "; "),
                    ));
                }
                Item { head: self.loc_line(&variant.label), fields }
            })
            .collect();
        self.list(items);
        true
    }

    fn registry(&mut self, number: u32) {
        let r = self.record;
        self.heading(
            2,
            format!("{number}. {}", self.t("DXER qeydinin məlumatları", "DXER record data", "Данные записи DXER")),
        );
        let mut f = vec![
            self.field(
                self.t("Qeydin identifikatoru", "Record id", "Идентификатор записи"),
                text(r.record_id.as_str()),
            ),
            self.field(self.t("Versiya", "Version", "Версия"), text(r.version.to_string())),
            self.field(self.t("Status", "Status", "Статус"), text(self.label("record-statuses", r.status.code()))),
            self.field(self.t("Xidmət sahəsi", "Service area", "Сфера услуги"), text(self.area(&r.service_area.area))),
        ];
        if let Some(sub) = &r.service_area.sub_area {
            f.push(self.field(self.t("Alt sahə", "Sub-area", "Подсфера"), text(self.area(sub))));
        }
        f.push(self.field(self.t("İstiqamət", "Directions", "Направления"), self.codes("directions", &r.directions)));
        f.push(self.field(
            self.t("Xidməti müəyyən edən akt", "Creating act", "Акт, установивший услугу"),
            self.legal(&r.creating_act.act),
        ));
        f.push(self.field(
            self.t("Aktın qüvvəyə minmə tarixi", "Act in force from", "Дата вступления акта в силу"),
            text(r.creating_act.entry_into_force.to_string()),
        ));
        if let Some(v) = &r.validity {
            f.push(
                self.field(
                    self.t("Qüvvədədir (başlanğıc)", "Valid from", "Действует с"),
                    text(v.valid_from.to_string()),
                ),
            );
            if let Some(to) = v.valid_to {
                f.push(self.field(self.t("Qüvvədədir (son)", "Valid to", "Действует по"), text(to.to_string())));
            }
        }
        if let Some(s) = &r.submission {
            f.push(
                self.field(
                    self.t("Təqdim olunma tarixi", "Submitted on", "Дата представления"),
                    text(s.date.to_string()),
                ),
            );
            f.push(self.field(self.t("İmzalayan", "Signer", "Подписант"), text(s.signer.clone())));
            if let Some(sig) = &s.signature_ref {
                f.push(self.field(self.t("Elektron imza", "E-signature", "Электронная подпись"), text(sig.clone())));
            }
            if let Some(d) = &s.digest {
                f.push(self.field(self.t("Həş (SHA-256)", "Digest (SHA-256)", "Хеш (SHA-256)"), text(d.value.clone())));
            }
        }
        if let Some(e) = &r.eservice {
            if let Some(u) = &e.e_form_url {
                f.push(
                    self.field(self.t("Elektron forma", "E-form", "Электронная форма"), vec![Inline::Url(u.clone())]),
                );
            }
            f.push(self.field(
                self.t(
                    "Skan edilmiş surətlər qəbul edilir",
                    "Scanned copies accepted",
                    "Принимаются сканированные копии",
                ),
                self.yes_no(e.accepts_scanned_copies),
            ));
            f.push(
                self.field(self.t("Elektron ödəniş", "Online payment", "Электронная оплата"), self.yes_no(e.e_payment)),
            );
            f.push(self.field(
                self.t("EHİS ilə inteqrasiya", "EHİS integration", "Интеграция с EHİS"),
                self.yes_no(e.ehis_integration),
            ));
            if !e.identification.is_empty() {
                f.push(self.field(
                    self.t("İdentifikasiya", "Identification", "Идентификация"),
                    self.codes("identification-methods", &e.identification),
                ));
            }
            if !e.information_systems.is_empty() {
                f.push(self.field(
                    self.t("İnformasiya sistemləri", "Information systems", "Информационные системы"),
                    text(e.information_systems.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; ")),
                ));
            }
        }
        if let Some(a) = &r.asan_index {
            f.push(self.field(
                self.t("ASAN indeksi", "ASAN index", "Индекс ASAN"),
                text(format!("{}% ({})", a.score, a.year)),
            ));
        }
        f.push(self.field(self.t("Açıq məlumat", "Open data", "Открытые данные"), self.yes_no(r.open_data)));
        self.fields(f);
        if !r.data_sources.is_empty() {
            self.heading(
                3,
                self.t(
                    "Sənəd əvəzinə alınan məlumatlar",
                    "Data taken instead of documents",
                    "Данные вместо документов",
                )
                .into(),
            );
            let items = r
                .data_sources
                .iter()
                .map(|d| {
                    let mut reg = text(format!("{}: ", self.provider(&d.body)));
                    reg.push(self.loc(&d.register));
                    Item {
                        head: self.document_name(&d.document),
                        fields: vec![
                            self.field(self.t("Mənbə", "Source", "Источник"), reg),
                            self.field(
                                self.t("EHİS vasitəsilə", "Through EHİS", "Через EHİS"),
                                self.yes_no(d.via_ehis),
                            ),
                        ],
                    }
                })
                .collect();
            self.list(items);
        }
    }
}

fn build(record: &Record, lang: &str, lists: &CodeLists) -> Doc {
    let lang = Lang::parse(lang);
    let mut b = Builder { lang, lists, record, blocks: Vec::new() };
    let g = &record.reglament.general;
    let title = b.loc_line(&g.name);
    let mut alternates = Vec::new();
    for (code, native, t) in [
        ("az", "Azərbaycanca", Some(&g.name.az)),
        ("en", "English", g.name.en.as_ref()),
        ("ru", "Русский", g.name.ru.as_ref()),
    ] {
        if let Some(t) = t {
            if code != lang.code() && !(code == "az" && matches!(title.first(), Some(Inline::Az(_)))) {
                alternates.push((code, native, t.clone()));
            }
        }
    }
    let header = vec![
        b.field(b.t("DXER xidmət kodu", "DXER service code", "Код услуги в DXER"), text(g.service_code.as_str())),
        b.field(b.t("Xidmət təminatçısı", "Provider", "Поставщик услуги"), text(b.provider(&g.provider))),
        b.field(
            b.t("Qeyd, versiya, status", "Record, version, status", "Запись, версия, статус"),
            text(format!(
                "{} · v{} · {}",
                record.record_id,
                record.version,
                b.label("record-statuses", record.status.code())
            )),
        ),
    ];
    b.general();
    b.standard();
    b.procedure();
    b.appeal();
    b.contact();
    b.annexes();
    let has_variants = b.variants();
    b.registry(if has_variants { 8 } else { 7 });
    Doc { lang, title, service_code: g.service_code.to_string(), alternates, header, blocks: b.blocks }
}

// ---------------------------------------------------------------------------------------------------
// HTML

/// Escapes text for HTML element content and quoted attribute values: `& < > " '`.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a URL may become a link: `http` or `https`, with no whitespace, control or quoting characters.
fn linkable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > 8
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'))
}

fn html_line(line: &Line, out: &mut String) {
    for inline in line {
        match inline {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Az(t) => {
                let _ = write!(out, "<span lang=\"az\">{}</span>", esc(t));
            }
            Inline::Url(u) if linkable(u) => {
                let _ = write!(out, "<a href=\"{0}\">{0}</a>", esc(u));
            }
            Inline::Url(u) => out.push_str(&esc(u)),
        }
    }
}

fn html_fields(fields: &[Field], out: &mut String) {
    out.push_str("<table class=\"fields\">\n");
    for f in fields {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th><td>", esc(f.label));
        if f.value.is_empty() {
            out.push('—');
        } else {
            html_line(&f.value, out);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
}

const CSS: &str = "\
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#111;font-family:\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif;line-height:1.45}
main{max-width:54rem;margin:0 auto;padding:2rem 1.5rem}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.25rem;color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin:2rem 0 .6rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.alt{color:#555;margin:0 0 .2rem}
table.fields{border-collapse:collapse;width:100%;margin:.4rem 0}
table.fields th,table.fields td{border:1px solid #c8ced6;padding:.3rem .5rem;text-align:left;vertical-align:top}
table.fields th{width:34%;background:#f2f5f9;font-weight:600}
ol{padding-left:1.8rem}
li{margin:.45rem 0}
li>p{margin:0 0 .2rem;font-weight:600}
.empty{color:#777}
a{color:#1f4e79;overflow-wrap:anywhere}
footer{margin-top:2rem;color:#777;font-size:.85rem}
@media print{
@page{size:A4;margin:18mm 16mm}
body{font-size:10.5pt}
main{max-width:none;padding:0}
h2,h3{break-after:avoid;page-break-after:avoid}
tr,li{break-inside:avoid;page-break-inside:avoid}
table.fields th{background:none}
a{color:#000;text-decoration:none}
}
";

fn write_html(doc: &Doc) -> String {
    let mut out = String::new();
    let mut title = String::new();
    html_line(&doc.title, &mut title);
    // The <title> holds text only: strip the span markup of an untranslated name.
    let plain_title: String = doc
        .title
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Az(t) | Inline::Url(t) => t.as_str(),
        })
        .collect();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"dxer\">\n<title>{} — {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n<header>\n<h1>{title}</h1>\n",
        esc(&plain_title),
        esc(&doc.service_code),
        lang = doc.lang.code(),
    );
    for (code, native, t) in &doc.alternates {
        let _ = writeln!(out, "<p class=\"alt\" lang=\"{code}\">{}: {}</p>", esc(native), esc(t));
    }
    html_fields(&doc.header, &mut out);
    out.push_str("</header>\n");
    let mut open = false;
    for block in &doc.blocks {
        match block {
            Block::Heading(2, h) => {
                if open {
                    out.push_str("</section>\n");
                }
                let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(h));
                open = true;
            }
            Block::Heading(level, h) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(h));
            }
            Block::Fields(fields) => html_fields(fields, &mut out),
            Block::List(items) => {
                out.push_str("<ol>\n");
                for item in items {
                    out.push_str("<li><p>");
                    html_line(&item.head, &mut out);
                    out.push_str("</p>\n");
                    if !item.fields.is_empty() {
                        html_fields(&item.fields, &mut out);
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ol>\n");
            }
            Block::Para(line) => {
                out.push_str("<p>");
                html_line(line, &mut out);
                out.push_str("</p>\n");
            }
            Block::Empty => out.push_str("<p class=\"empty\">—</p>\n"),
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The reglament as one self-contained, printable HTML page (inline CSS with `@media print`, no script,
/// no external resource), in `lang` (`"az"`, `"en"`, `"ru"`), with code labels from the built-in lists.
pub fn to_html(record: &Record, lang: &str) -> String {
    to_html_with(record, lang, &CodeLists::built_in())
}

/// [`to_html`] with the given code lists (e.g. a newer provider list).
pub fn to_html_with(record: &Record, lang: &str, lists: &CodeLists) -> String {
    write_html(&build(record, lang, lists))
}

// ---------------------------------------------------------------------------------------------------
// Markdown

/// Escapes text so that Markdown (CommonMark, GitHub Flavored) shows it literally: markup characters are
/// backslash-escaped, `& < >` become entities (so no raw HTML), line breaks become spaces, and a text that
/// would start a block (list, heading, quote) has its first character escaped.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes what would start a block at the beginning of a line: `-`, `+`, `=` and `1.` / `1)`.
fn md_line_start(mut s: String) -> String {
    if s.starts_with(['-', '+', '=']) {
        s.insert(0, '\\');
    } else {
        // An ordered-list marker: 1–9 digits, `.` or `)`, then a space or the end of the line.
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        let rest = &s[digits..];
        if (1..=9).contains(&digits)
            && rest.starts_with(['.', ')'])
            && rest[1..].chars().next().is_none_or(char::is_whitespace)
        {
            s.insert(digits, '\\');
        }
    }
    s
}

fn md_line(line: &Line) -> String {
    let mut out = String::new();
    for inline in line {
        match inline {
            Inline::Text(t) | Inline::Az(t) | Inline::Url(t) => out.push_str(&md_escape(t)),
        }
    }
    md_line_start(out.trim().to_string())
}

fn md_fields(fields: &[Field], indent: &str, out: &mut String) {
    for f in fields {
        let value = if f.value.is_empty() { "—".to_string() } else { md_line(&f.value) };
        let _ = writeln!(out, "{indent}- **{}:** {value}", md_escape(f.label));
    }
}

fn write_markdown(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_line(&doc.title));
    for (_, native, t) in &doc.alternates {
        let _ = writeln!(out, "*{}:* {}\n", md_escape(native), md_line(&text(t.clone())));
    }
    md_fields(&doc.header, "", &mut out);
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, h) => {
                let _ = writeln!(out, "{} {}", "#".repeat(*level as usize), md_escape(h));
            }
            Block::Fields(fields) => md_fields(fields, "", &mut out),
            Block::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let marker = format!("{}. ", i + 1);
                    let _ = writeln!(out, "{marker}{}", md_line(&item.head));
                    md_fields(&item.fields, &" ".repeat(marker.len()), &mut out);
                }
            }
            Block::Para(line) => {
                let _ = writeln!(out, "{}", md_line(line));
            }
            Block::Empty => out.push_str("—\n"),
        }
    }
    out
}

/// The reglament as Markdown (CommonMark; headings, field lists and numbered lists) in `lang` (`"az"`,
/// `"en"`, `"ru"`), with code labels from the built-in lists. It contains no HTML and no links.
pub fn to_markdown(record: &Record, lang: &str) -> String {
    to_markdown_with(record, lang, &CodeLists::built_in())
}

/// [`to_markdown`] with the given code lists (e.g. a newer provider list).
pub fn to_markdown_with(record: &Record, lang: &str, lists: &CodeLists) -> String {
    write_markdown(&build(record, lang, lists))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DurationUnit;

    #[test]
    fn russian_plurals() {
        let d = |n| duration_text(&Duration::new(n, DurationUnit::WorkingDays), "ru");
        assert_eq!(d(1), "1 рабочий день");
        assert_eq!(d(3), "3 рабочих дня");
        assert_eq!(d(11), "11 рабочих дней");
        assert_eq!(d(21), "21 рабочий день");
        assert_eq!(d(22), "22 рабочих дня");
        assert_eq!(duration_text(&Duration::new(30, DurationUnit::CalendarDays), "az"), "30 təqvim günü");
    }

    #[test]
    fn markdown_escaping() {
        assert_eq!(
            md_escape("a_b *c* [x](javascript:y) <b> & #"),
            "a\\_b \\*c\\* \\[x\\](javascript:y) &lt;b&gt; &amp; \\#"
        );
        assert_eq!(md_line_start("- item".into()), "\\- item");
        assert_eq!(md_line_start("12. x".into()), "12\\. x");
        assert_eq!(md_line_start("12 x".into()), "12 x");
        assert_eq!(md_line_start("30.00 AZN".into()), "30.00 AZN");
        assert_eq!(md_line_start("1)".into()), "1\\)");
        assert_eq!(md_escape("line\nbreak"), "line break");
    }

    #[test]
    fn only_http_urls_become_links() {
        assert!(linkable("https://www.e-gov.az/x?y=1&z=2"));
        assert!(!linkable("javascript:alert(1)"));
        assert!(!linkable("https://x\" onmouseover=\"y"));
        assert!(!linkable("data:text/html,x"));
    }
}
