//! Section 7 (applicant variants), the DXER record data, and the whole document.

use crate::codelists::CodeLists;
use crate::model::Record;

use super::*;

impl Builder<'_> {
    /// Returns whether the record has variants (the next section's number depends on it).
    pub(super) fn variants(&mut self) -> bool {
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

    pub(super) fn registry(&mut self, number: u32) {
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
        // Each submission field only where the publication shows it (a public page has no signer and no
        // e-signature reference).
        if let Some(s) = r.submission.as_ref().filter(|_| self.publication.shows("/submission")) {
            if self.publication.shows("/submission/date") {
                f.push(self.field(
                    self.t("Təqdim olunma tarixi", "Submitted on", "Дата представления"),
                    text(s.date.to_string()),
                ));
            }
            if self.publication.shows("/submission/signer") {
                f.push(self.field(self.t("İmzalayan", "Signer", "Подписант"), text(s.signer.clone())));
            }
            if let Some(sig) = s.signature_ref.as_ref().filter(|_| self.publication.shows("/submission/signature_ref"))
            {
                f.push(self.field(self.t("Elektron imza", "E-signature", "Электронная подпись"), text(sig.clone())));
            }
            if let Some(d) = s.digest.as_ref().filter(|_| self.publication.shows("/submission/digest")) {
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

pub(super) fn build(record: &Record, lang: &str, lists: &CodeLists, publication: Publication) -> Doc {
    let lang = Lang::or_az(lang);
    let mut b = Builder { lang, lists, record, publication, blocks: Vec::new() };
    let g = &record.reglament.general;
    let title = b.loc_line(&g.name);
    let mut alternates = Vec::new();
    for (code, native, t) in [
        ("az", "Azərbaycanca", Some(&g.name.az)),
        ("en", "English", g.name.en.as_ref()),
        ("ru", "Русский", g.name.ru.as_ref()),
    ] {
        if let Some(t) = t {
            if code != lang.as_str() && !(code == "az" && matches!(title.first(), Some(Inline::Az(_)))) {
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
