//! Rules of the catalogue, group H (text hygiene), P, K, D (code lists and dates).

use super::{choice, reconstruction, Rule};
use crate::report::Severity::{Error, Warning};

pub(super) const RULES: &[Rule] = &[
    // ---- H: text hygiene ---------------------------------------------------------------------------
    Rule {
        code: "DXER-H001",
        severity: Error,
        title: "Cyrillic look-alike letters in Azerbaijani text",
        provision: choice("CM decision No. 129 (2026), annex 3: DXER statute, correct registry data [reconstruction]; Azerbaijani text in Latin letters only [choice: Cyrillic look-alikes are seen in the e-Government bulletin No. 1 (2013)]"),
        az: "Azərbaycan mətnində kiril hərfləri var: {letters} ({words}). Düzəliş: latın hərfləri ilə əvəz edin.",
        en: "Azerbaijani text contains Cyrillic letters: {letters} (in {words}). Fix: replace them with the Latin letters.",
        ru: "В азербайджанском тексте есть кириллические буквы: {letters} (в словах {words}). Исправление: заменить латинскими.",
    },
    Rule {
        code: "DXER-H002",
        severity: Warning,
        title: "Cyrillic word in Azerbaijani text",
        provision: choice("CM decision No. 129 (2026), annex 3: DXER statute, correct registry data [reconstruction]; Azerbaijani text in Latin letters only [choice: Cyrillic look-alikes are seen in the e-Government bulletin No. 1 (2013)]"),
        az: "Azərbaycan mətnində kiril əlifbası ilə yazılmış söz var: {words}. Rusca mətni \"ru\" sahəsinə köçürün.",
        en: "Azerbaijani text contains words in Cyrillic script: {words}. Move Russian text to the \"ru\" field.",
        ru: "В азербайджанском тексте есть слова на кириллице: {words}. Перенесите русский текст в поле \"ru\".",
    },
    Rule {
        code: "DXER-H003",
        severity: Error,
        title: "invisible, bidirectional or control character in text",
        provision: choice("CM decision No. 129 (2026), annex 3: DXER statute, correct registry data [reconstruction]; no invisible, bidirectional or control characters in texts [choice: they change what a reader sees, or hide text]"),
        az: "Mətndə görünməyən, yazı istiqamətini dəyişən və ya idarəedici simvol var: {chars}. Düzəliş: silin.",
        en: "The text holds an invisible, bidirectional or control character: {chars}. Fix: delete it.",
        ru: "В тексте есть невидимый, меняющий направление письма или управляющий символ: {chars}. Исправление: удалите его.",
    },
    // ---- P, K: code lists --------------------------------------------------------------------------
    Rule {
        code: "DXER-P001",
        severity: Error,
        title: "unknown provider",
        provision: choice("CM decision No. 129 (2026), §6 (who submits reglaments); dxer's provider code list [choice]"),
        az: "\"{code}\" təminatçı kodu təminatçılar siyahısında yoxdur.",
        en: "Provider code \"{code}\" is not in the provider code list.",
        ru: "Код поставщика \"{code}\" отсутствует в списке поставщиков.",
    },
    Rule {
        code: "DXER-P002",
        severity: Error,
        title: "dissolved provider",
        provision: choice("CM decision No. 129 (2026), §6 (who submits reglaments); dxer's provider code list with successor links [choice]"),
        az: "\"{code}\" ({name}) {on} artıq fəaliyyət göstərmir ({since}): onun hüquqi varisi göstərilməlidir: {successors}.",
        en: "\"{code}\" ({name}) no longer existed {on} ({since}): use its successor {successors}.",
        ru: "\"{code}\" ({name}) уже не существовал {on} ({since}): укажите правопреемника: {successors}.",
    },
    Rule {
        code: "DXER-K001",
        severity: Error,
        title: "wrong service area",
        provision: choice("DXER data list: service area and sub-area [reconstruction]; dxer's classifier of areas [choice]"),
        az: "\"{code}\" xidmət sahəsi kodu yanlışdır: {why}.",
        en: "Service area code \"{code}\" is wrong: {why}.",
        ru: "Код сферы услуг \"{code}\" неверен: {why}.",
    },
    Rule {
        code: "DXER-D001",
        severity: Error,
        title: "dates out of order",
        provision: reconstruction("DXER data list: dates of the creating act, validity and review [reconstruction]"),
        az: "{later} tarixi ({later_date}) {earlier} tarixindən ({earlier_date}) əvvəl ola bilməz.",
        en: "{later} ({later_date}) cannot be before {earlier} ({earlier_date}).",
        ru: "{later} ({later_date}) не может быть раньше, чем {earlier} ({earlier_date}).",
    },
    // ---- U: links ------------------------------------------------------------------------------------
    Rule {
        code: "DXER-U001",
        severity: Error,
        title: "URL scheme not http(s)",
        provision: choice("CM decision No. 129 (2026), annex 1: model reglament form, addresses of the service (e-form, web site, annexes) [reconstruction]; web links only, https or http [choice]"),
        az: "{value} veb ünvan deyil: yalnız https:// və http:// keçidləri qəbul edilir (javascript:, data: və ya başqa keçid kod işlədə, ya da məzmunu gizlədə bilər). Düzəliş: xidmətin https:// ünvanını yazın.",
        en: "{value} is not a web address: only https:// and http:// links are accepted (a javascript:, data: or other link can run code or hide content). Fix: give the service's https:// address.",
        ru: "{value} не является веб-адресом: принимаются только ссылки https:// и http:// (ссылка javascript:, data: или иная может выполнить код или скрыть содержимое). Исправление: укажите адрес https:// услуги.",
    },
];
