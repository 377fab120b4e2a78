//! Sections 1–6 of the model form: general provisions, standard, procedure, appeal, contact, annexes.

use crate::model::Stated;

use super::*;

impl Builder<'_> {
    pub(super) fn general(&mut self) {
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

    pub(super) fn standard(&mut self) {
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

    pub(super) fn procedure(&mut self) {
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

    pub(super) fn appeal(&mut self) {
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

    pub(super) fn contact(&mut self) {
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

    pub(super) fn annexes(&mut self) {
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
}
