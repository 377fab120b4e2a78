//! The rule catalogue: every finding code dxer can report, in one table.
//!
//! To find a rule, search for its code (e.g. `DXER-F003`): it appears here and in the one function that
//! emits it. `docs/rules.md` is generated from this table (a test fails when it is stale), and
//! `tests/fixtures/invalid/` holds a firing fixture for every code.
//!
//! Message templates use `{name}` placeholders filled in by the rule.
//! Provisions marked `[reconstruction]` enforce a field of the model form whose official text is not
//! public (domain brief §3, §4): they are dxer's documented reading of it.

pub use super::rule::{fill, Rule, Scope};
use crate::report::Severity;

use Severity::{Error, Info, Warning};

const FORM: &str = "CM decision No. 129 (2026), annex 1: model reglament form";
const DATA_LIST: &str = "CM decision No. 129 (2026), annex 2: DXER data list";

/// Every rule, ordered by code.
pub static CATALOGUE: &[Rule] = &[
    // ---- J: input --------------------------------------------------------------------------------
    Rule {
        code: "DXER-J001",
        severity: Error,
        title: "invalid JSON",
        provision: DATA_LIST,
        az: "JSON oxunmur: {detail} (sətir {line}, sütun {column}).",
        en: "Invalid JSON: {detail} (line {line}, column {column}).",
        ru: "Некорректный JSON: {detail} (строка {line}, столбец {column}).",
    },
    Rule {
        code: "DXER-J002",
        severity: Error,
        title: "invalid UTF-8",
        provision: DATA_LIST,
        az: "Mətn UTF-8 deyil: {offset} baytında yanlış ardıcıllıq (sətir {line}, sütun {column}).",
        en: "Input is not UTF-8: invalid byte sequence at byte {offset} (line {line}, column {column}).",
        ru: "Текст не в UTF-8: неверная последовательность в байте {offset} (строка {line}, столбец {column}).",
    },
    Rule {
        code: "DXER-J003",
        severity: Error,
        title: "input exceeds a limit",
        provision: DATA_LIST,
        az: "Sənəd həddi aşır: {detail}.",
        en: "The document exceeds a limit: {detail}.",
        ru: "Документ превышает предел: {detail}.",
    },
    // ---- S: structure (JSON Schema) ----------------------------------------------------------------
    Rule {
        code: "DXER-S001",
        severity: Error,
        title: "required field missing",
        provision: FORM,
        az: "Məcburi \"{field}\" sahəsi yoxdur.",
        en: "Required field \"{field}\" is missing.",
        ru: "Отсутствует обязательное поле \"{field}\".",
    },
    Rule {
        code: "DXER-S002",
        severity: Error,
        title: "unknown field",
        provision: FORM,
        az: "Naməlum \"{field}\" sahəsi: modeldə belə sahə yoxdur (yazılışı yoxlayın).",
        en: "Unknown field \"{field}\": the model has no such field (check the spelling).",
        ru: "Неизвестное поле \"{field}\": в модели нет такого поля (проверьте написание).",
    },
    Rule {
        code: "DXER-S003",
        severity: Error,
        title: "wrong type",
        provision: FORM,
        az: "Yanlış tip: {expected} gözlənilir.",
        en: "Wrong type: expected {expected}.",
        ru: "Неверный тип: ожидается {expected}.",
    },
    Rule {
        code: "DXER-S004",
        severity: Error,
        title: "value not in the code list",
        provision: FORM,
        az: "{value} icazə verilən qiymətlərdən deyil: {allowed}.",
        en: "{value} is not one of the allowed values: {allowed}.",
        ru: "{value} не входит в список допустимых значений: {allowed}.",
    },
    Rule {
        code: "DXER-S005",
        severity: Error,
        title: "wrong format",
        provision: FORM,
        az: "{value} düzgün formatda deyil: {expected} gözlənilir.",
        en: "{value} has the wrong format: expected {expected}.",
        ru: "{value} имеет неверный формат: ожидается {expected}.",
    },
    Rule {
        code: "DXER-S006",
        severity: Error,
        title: "out of range",
        provision: FORM,
        az: "Qiymət icazə verilən həddən kənardır: {limit}.",
        en: "Value is out of range: {limit}.",
        ru: "Значение вне допустимого диапазона: {limit}.",
    },
    Rule {
        code: "DXER-S007",
        severity: Error,
        title: "structure not accepted",
        provision: FORM,
        az: "Struktur qəbul edilmir: {detail}.",
        en: "Structure not accepted: {detail}.",
        ru: "Структура не принята: {detail}.",
    },
    // ---- R: required content -----------------------------------------------------------------------
    Rule {
        code: "DXER-R001",
        severity: Error,
        title: "blank text",
        provision: FORM,
        az: "Mətn boşdur: yalnız boşluq simvollarından ibarətdir.",
        en: "Text is blank: it holds only white space.",
        ru: "Текст пуст: содержит только пробельные символы.",
    },
    Rule {
        code: "DXER-R002",
        severity: Error,
        title: "required section empty",
        provision: FORM,
        az: "\"{section}\" bölməsi boşdur: {why}.",
        en: "Section \"{section}\" is empty: {why}.",
        ru: "Раздел \"{section}\" пуст: {why}.",
    },
    Rule {
        code: "DXER-R003",
        severity: Error,
        title: "reference to an undefined item",
        provision: DATA_LIST,
        az: "{what} \"{id}\" mövcud deyil: bu qeyddə belə identifikator yoxdur.",
        en: "{what} \"{id}\" is not defined in this record.",
        ru: "{what} \"{id}\" не определён в этой записи.",
    },
    Rule {
        code: "DXER-R004",
        severity: Error,
        title: "duplicate local id",
        provision: DATA_LIST,
        az: "\"{id}\" identifikatoru {what} arasında təkrarlanır: hər id bir dəfə olmalıdır.",
        en: "Id \"{id}\" is used twice among the {what}: each id must be unique.",
        ru: "Идентификатор \"{id}\" повторяется среди {what}: каждый должен быть уникален.",
    },
    // ---- G: refusal grounds ------------------------------------------------------------------------
    Rule {
        code: "DXER-R005",
        severity: Error,
        title: "a list stated as none has items",
        provision: "Presidential decree of 23 May 2011, §2.2 (exact list of documents); model reglament form §3 (exhaustive refusal grounds) [reconstruction]",
        az: "Mənbənin sözlərinə görə siyahı boşdur, amma {count} element verilib: ya elementləri, ya da \"yoxdur\" qeydini silin.",
        en: "The source's words say the list is empty, yet {count} item(s) are given: remove the items or the statement that there are none.",
        ru: "По словам источника перечень пуст, но приведено элементов: {count}; уберите элементы или указание, что их нет.",
    },
    Rule {
        code: "DXER-G001",
        severity: Error,
        title: "no refusal grounds",
        provision: "Law No. 279-VIIQ (2025) on State Services; model reglament form §3 (exhaustive refusal grounds) [reconstruction]",
        az: "\"{service_type}\" növlü xidmət imtina əsaslarının tam siyahısını verməlidir; siyahı boşdur.",
        en: "A service of the type \"{service_type}\" must list its refusal grounds exhaustively; none are given.",
        ru: "Для вида \"{service_type}\" должен быть дан исчерпывающий перечень оснований для отказа; он пуст.",
    },
    Rule {
        code: "DXER-G002",
        severity: Error,
        title: "refusal ground without legal basis",
        provision: "Law No. 279-VIIQ (2025) on State Services; model reglament form §3 [reconstruction]",
        az: "İmtina əsasının hüquqi əsası göstərilməyib: hər əsas qanunvericilikdə nəzərdə tutulmalıdır.",
        en: "The refusal ground has no legal basis: every ground must be provided for by law.",
        ru: "У основания для отказа нет правового основания: каждое основание должно быть предусмотрено законом.",
    },
    Rule {
        code: "DXER-G003",
        severity: Error,
        title: "open-ended refusal ground",
        provision: "Law No. 279-VIIQ (2025) on State Services; model reglament form §3 (the list is exhaustive) [reconstruction]",
        az: "İmtina əsası açıq siyahı kimi yazılıb (\"{phrase}\"): siyahı tam olmalıdır, hər halı ayrıca göstərin.",
        en: "The refusal ground is open-ended (\"{phrase}\"): the list must be exhaustive; state each case separately.",
        ru: "Основание для отказа сформулировано открыто (\"{phrase}\"): перечень должен быть исчерпывающим; укажите каждый случай отдельно.",
    },
    // ---- F: fees -----------------------------------------------------------------------------------
    Rule {
        code: "DXER-F001",
        severity: Error,
        title: "free service with fee tiers",
        provision: "Model reglament form §2 (fees) [reconstruction]",
        az: "Xidmət ödənişsiz qeyd olunub, lakin {count} ödəniş variantı göstərilib.",
        en: "The service is marked free but lists {count} fee tier(s).",
        ru: "Услуга отмечена как бесплатная, но указано вариантов оплаты: {count}.",
    },
    Rule {
        code: "DXER-F002",
        severity: Error,
        title: "paid service without fee tiers",
        provision: "Model reglament form §2 (fees) [reconstruction]",
        az: "Xidmət ödənişli qeyd olunub, lakin heç bir ödəniş variantı (məbləğ) göstərilməyib.",
        en: "The service is marked paid but lists no fee tier (amount).",
        ru: "Услуга отмечена как платная, но не указан ни один вариант оплаты (сумма).",
    },
    Rule {
        code: "DXER-F003",
        severity: Error,
        title: "zero fee amount",
        provision: "Model reglament form §2 (fees) [reconstruction]",
        az: "Ödəniş məbləği sıfırdır: ödənişsiz xidmətləri \"free\": true ilə qeyd edin.",
        en: "The fee amount is zero: mark free services with \"free\": true instead.",
        ru: "Сумма оплаты равна нулю: бесплатные услуги отмечайте \"free\": true.",
    },
    Rule {
        code: "DXER-F004",
        severity: Error,
        title: "fee tier without time limit",
        provision: "Model reglament form §2 (fees and time limits per tier) [reconstruction]",
        az: "\"{tier}\" ödəniş variantının müddəti göstərilməyib: bir neçə variant olduqda hər birinin müddəti olmalıdır.",
        en: "Fee tier \"{tier}\" has no time limit: when there are several tiers, each must state the time limit it buys.",
        ru: "У варианта оплаты \"{tier}\" не указан срок: при нескольких вариантах у каждого должен быть свой срок.",
    },
    Rule {
        code: "DXER-F005",
        severity: Error,
        title: "fee tier without legal basis",
        provision: "Model reglament form §2 (fees); Law on State Duty [reconstruction]",
        az: "\"{tier}\" ödəniş variantının hüquqi əsası göstərilməyib.",
        en: "Fee tier \"{tier}\" has no legal basis for its amount.",
        ru: "Для варианта оплаты \"{tier}\" не указано правовое основание суммы.",
    },
    // ---- T: time limits ----------------------------------------------------------------------------
    Rule {
        code: "DXER-T001",
        severity: Error,
        title: "time limit not positive",
        provision: "Model reglament form §2 (time limit: value and unit) [reconstruction]",
        az: "Müddət düzgün deyil ({value}, vahid: \"{unit}\"): \"{instant}\" vahidi üçün 0, digər vahidlər üçün müsbət qiymət olmalıdır.",
        en: "Invalid time limit ({value}, unit \"{unit}\"): the unit \"{instant}\" takes 0, every other unit a positive value.",
        ru: "Неверный срок ({value}, единица «{unit}»): для единицы «{instant}» значение 0, для остальных — положительное.",
    },
    Rule {
        code: "DXER-T002",
        severity: Error,
        title: "steps exceed the service time limit",
        provision: "Model reglament form §3 (steps fit within the time limit) [reconstruction]",
        az: "Addımların cəmi ({total}) xidmətin müddətini ({limit}) aşır.",
        en: "The steps add up to {total}, more than the service time limit of {limit}.",
        ru: "Сумма сроков этапов ({total}) превышает срок услуги ({limit}).",
    },
    Rule {
        code: "DXER-T003",
        severity: Info,
        title: "step time limits not comparable",
        provision: "Model reglament form §3 (steps fit within the time limit) [reconstruction]",
        az: "Addımın müddəti ({step}) xidmətin müddəti ({limit}) ilə müqayisə edilə bilmir: vahidlər çevrilmir; eyni vahiddən istifadə edin.",
        en: "Step time limit {step} cannot be compared with the service time limit {limit}: the units do not convert; use one unit.",
        ru: "Срок этапа ({step}) нельзя сравнить со сроком услуги ({limit}): единицы не переводятся; используйте одну единицу.",
    },
    // ---- L: legal basis ----------------------------------------------------------------------------
    Rule {
        code: "DXER-T004",
        severity: Warning,
        title: "days without working or calendar",
        provision: "Model reglament form §2 (time limit: value and unit); Labour Code art. 105 (working days) [reconstruction]",
        az: "Müddət ({period}) iş və ya təqvim günü olduğu göstərilmədən verilib: son tarixi hesablamaq olmur.",
        en: "The period ({period}) is given in days without saying working or calendar days: no due date can be counted.",
        ru: "Срок ({period}) указан в днях без уточнения, рабочих или календарных: дату окончания не вычислить.",
    },
    Rule {
        code: "DXER-L001",
        severity: Error,
        title: "legal act without number",
        provision: "Model reglament form §1 (legal basis) [reconstruction]",
        az: "Aktın (\"{act_type}\") nömrəsi göstərilməyib.",
        en: "The act (\"{act_type}\") needs its number.",
        ru: "Не указан номер акта (\"{act_type}\").",
    },
    Rule {
        code: "DXER-L002",
        severity: Error,
        title: "malformed act number",
        provision: "Model reglament form §1 (legal basis) [reconstruction]",
        az: "Aktın nömrəsi \"{number}\" \"{act_type}\" üçün düzgün formatda deyil (nümunə: {example}).",
        en: "Act number \"{number}\" is not well-formed for \"{act_type}\" (example: {example}).",
        ru: "Номер акта \"{number}\" имеет неверный формат для вида \"{act_type}\" (пример: {example}).",
    },
    Rule {
        code: "DXER-L003",
        severity: Error,
        title: "legal act dated in the future",
        provision: "Model reglament form §1 (legal basis) [reconstruction]",
        az: "Aktın tarixi ({date}) qeydin tarixindən ({record_date}) sonradır.",
        en: "The act is dated {date}, after the record's date {record_date}.",
        ru: "Дата акта ({date}) позже даты записи ({record_date}).",
    },
    Rule {
        code: "DXER-L004",
        severity: Warning,
        title: "legal act without date",
        provision: "Model reglament form §1 (legal basis) [reconstruction]",
        az: "Aktın (\"{act_type}\") qəbul tarixi göstərilməyib.",
        en: "The adoption date of the act (\"{act_type}\") is missing.",
        ru: "Не указана дата принятия акта (\"{act_type}\").",
    },
    Rule {
        code: "DXER-L005",
        severity: Error,
        title: "short citation names no act of the legal basis",
        provision: "Model reglament form §1 (legal basis; other sections cite its acts) [reconstruction]",
        az: "Qısa istinad hüquqi əsasda olmayan \"{id}\" aktını göstərir; aktı hüquqi əsasa tam daxil edin və ona bu identifikatorla istinad edin.",
        en: "The short citation names act \"{id}\", which the legal basis does not list; cite the act in full in the legal basis under this id.",
        ru: "Краткая ссылка указывает на акт \"{id}\", которого нет в правовом основании; приведите акт полностью в правовом основании с этим идентификатором.",
    },
    Rule {
        code: "DXER-L006",
        severity: Error,
        title: "two acts of the legal basis share an id",
        provision: "Model reglament form §1 (legal basis) [choice: short citations name an act by its local id]",
        az: "Hüquqi əsasda \"{id}\" identifikatoru ikinci dəfə işlənir; qısa istinadlar hansı akta aid olduğunu bilmir.",
        en: "The id \"{id}\" is used a second time in the legal basis; short citations cannot tell which act they name.",
        ru: "Идентификатор \"{id}\" повторно используется в правовом основании; краткие ссылки не могут определить акт.",
    },
    // ---- C: composite services ---------------------------------------------------------------------
    Rule {
        code: "DXER-C001",
        severity: Error,
        title: "composite service lists itself",
        provision: "Model reglament form §1 (composite service) [reconstruction]",
        az: "Kompozit xidmət özünü ({code}) tərkib xidməti kimi göstərir.",
        en: "The composite service lists itself ({code}) as a component.",
        ru: "Составная услуга указывает саму себя ({code}) как составную часть.",
    },
    Rule {
        code: "DXER-C002",
        severity: Warning,
        title: "component listed twice",
        provision: "Model reglament form §1 (composite service) [reconstruction]",
        az: "{code} tərkib xidməti iki dəfə göstərilib.",
        en: "Component {code} is listed twice.",
        ru: "Составная услуга {code} указана дважды.",
    },
    // ---- V: applicant variants ---------------------------------------------------------------------
    Rule {
        code: "DXER-V001",
        severity: Error,
        title: "applicant combination not covered",
        provision: "Model reglament form: applicant variants (complete) [reconstruction]",
        az: "Heç bir variant bu müraciət edəni əhatə etmir: {combination}.",
        en: "No variant covers this applicant: {combination}.",
        ru: "Ни один вариант не охватывает такого заявителя: {combination}.",
    },
    Rule {
        code: "DXER-V002",
        severity: Error,
        title: "variants overlap",
        provision: "Model reglament form: applicant variants (non-overlapping) [reconstruction]",
        az: "\"{first}\" və \"{second}\" variantları eyni müraciət edəni əhatə edir: {combination}.",
        en: "Variants \"{first}\" and \"{second}\" both cover this applicant: {combination}.",
        ru: "Варианты \"{first}\" и \"{second}\" охватывают одного и того же заявителя: {combination}.",
    },
    Rule {
        code: "DXER-V003",
        severity: Error,
        title: "unknown or duplicate attribute or value",
        provision: "Model reglament form: applicant variants [reconstruction]",
        az: "Müraciət edənin variantları: {what} \"{id}\".",
        en: "Applicant variants: {what} \"{id}\".",
        ru: "Варианты заявителя: {what} \"{id}\".",
    },
    Rule {
        code: "DXER-V004",
        severity: Error,
        title: "variant refers to an unknown item",
        provision: "Model reglament form: applicant variants [reconstruction]",
        az: "Variant mövcud olmayan {what} \"{id}\" göstərir.",
        en: "The variant refers to {what} \"{id}\", which is not defined.",
        ru: "Вариант ссылается на неопределённый {what} \"{id}\".",
    },
    Rule {
        code: "DXER-V005",
        severity: Info,
        title: "too many combinations to check",
        provision: "Model reglament form: applicant variants [reconstruction]",
        az: "Atributların {count} kombinasiyası var, {limit} həddindən çoxdur: tamlıq və kəsişmə yoxlanılmadı.",
        en: "The attributes have {count} combinations, more than the limit of {limit}: completeness and overlap were not checked.",
        ru: "У атрибутов {count} комбинаций, больше предела {limit}: полнота и пересечения не проверены.",
    },
    // ---- E: electronic services (decree of 23 May 2011) --------------------------------------------
    Rule {
        code: "DXER-E001",
        severity: Error,
        title: "e-service without e-form",
        provision: "Presidential decree of 23 May 2011, §2.2 (electronic form of the application)",
        az: "Elektron xidmətin elektron ərizə forması (e_form_url) göstərilməyib.",
        en: "The electronic service has no e-form (e_form_url).",
        ru: "У электронной услуги нет электронной формы заявления (e_form_url).",
    },
    Rule {
        code: "DXER-E002",
        severity: Error,
        title: "paid e-service without online payment",
        provision: "Presidential decree of 23 May 2011, §2.5 (real-time electronic payment)",
        az: "Ödənişli elektron xidmət rüsumun real vaxt rejimində elektron ödənilməsini təmin etmir.",
        en: "The paid electronic service does not offer real-time online payment of its fee.",
        ru: "Платная электронная услуга не обеспечивает оплату в электронной форме в режиме реального времени.",
    },
    Rule {
        code: "DXER-E003",
        severity: Error,
        title: "e-service without confirmation notice",
        provision: "Presidential decree of 23 May 2011, §2.3 (confirmation notice to the sender)",
        az: "Elektron müraciət üçün göndərənə təsdiqetmə bildirişi nəzərdə tutulmayıb.",
        en: "Electronic applications get no confirmation notice to the sender.",
        ru: "Заявителю не направляется уведомление о получении электронного обращения.",
    },
    Rule {
        code: "DXER-E004",
        severity: Error,
        title: "e-service without identification",
        provision: "Presidential decree of 23 May 2011, §2.5 (security), §3.1 (e-signature)",
        az: "Elektron xidmət (\"{service_type}\") üçün istifadəçinin identifikasiya üsulu göstərilməyib.",
        en: "The electronic service (\"{service_type}\") names no identification method for its users.",
        ru: "Для электронной услуги (\"{service_type}\") не указан способ идентификации пользователя.",
    },
    Rule {
        code: "DXER-E005",
        severity: Warning,
        title: "e-service does not accept scanned copies",
        provision: "Presidential decree of 23 May 2011, §2.3 (scanned copies accepted electronically)",
        az: "Elektron xidmət sənədlərin skan edilmiş surətlərini qəbul etmir.",
        en: "The electronic service does not accept scanned copies of documents.",
        ru: "Электронная услуга не принимает сканированные копии документов.",
    },
    // ---- O: once only ------------------------------------------------------------------------------
    Rule {
        code: "DXER-O001",
        severity: Error,
        title: "document asked from the user although the state holds it",
        provision: "Presidential decree of 23 May 2011, §2.4 (data from state registers instead of documents)",
        az: "\"{document}\" sənədi istifadəçidən tələb olunur, halbuki onun məlumatı {body} qurumunun reyestrindədir: provayder onu EHİS vasitəsilə özü əldə etməlidir.",
        en: "Document \"{document}\" is asked from the user although its data is held by {body}: the provider must obtain it itself (through EHİS).",
        ru: "Документ \"{document}\" запрашивается у пользователя, хотя его данные есть в реестре {body}: поставщик должен получить их сам (через EHİS).",
    },
    Rule {
        code: "DXER-O002",
        severity: Error,
        title: "document obtained by the provider from an unnamed source",
        provision: "Presidential decree of 23 May 2011, §2.4; DXER data list (data sources) [reconstruction]",
        az: "\"{document}\" sənədini provayder əldə edir, lakin məlumatın hansı qurumdan və reyestrdən alındığı göstərilməyib.",
        en: "Document \"{document}\" is obtained by the provider, but the body and register it comes from are not named.",
        ru: "Документ \"{document}\" получает поставщик, но не указаны орган и реестр, откуда берутся данные.",
    },
    // ---- N: items the source does not state ------------------------------------------------------------
    Rule {
        code: "DXER-N001",
        severity: Error,
        title: "required item not stated in the source",
        provision: "Law No. 279-VIIQ (2025) on State Services: mandatory content of a reglament, as reported on its adoption (the act's text is not public) [reconstruction]",
        az: "Mənbədə göstərilməyib: {item}; bu məlumat qeydiyyatdan əvvəl tələb olunur.",
        en: "Not stated in the source: {item}; it is required before registration.",
        ru: "В источнике не указано: {item}; это требуется до регистрации.",
    },
    Rule {
        code: "DXER-N002",
        severity: Warning,
        title: "item of the model form not stated in the source",
        provision: "CM decision No. 129 (2026), annex 1: model reglament form [reconstruction]",
        az: "Mənbədə göstərilməyib: {item}.",
        en: "Not stated in the source: {item}.",
        ru: "В источнике не указано: {item}.",
    },
    // ---- Q: conditions, alternatives, channels -------------------------------------------------------------
    Rule {
        code: "DXER-Q001",
        severity: Error,
        title: "channel not among the service's channels",
        provision: "Model reglament form §1 (places and channels) [reconstruction]",
        az: "\"{channel}\" kanalı xidmətin müraciət kanalları arasında deyil; onu kanallara əlavə edin və ya buradan çıxarın.",
        en: "The channel \"{channel}\" is not among the service's channels; add it to the channels or remove it here.",
        ru: "Канал «{channel}» не входит в каналы обращения за услугой; добавьте его в каналы или уберите отсюда.",
    },
    Rule {
        code: "DXER-Q002",
        severity: Error,
        title: "condition names an unknown applicant attribute or value",
        provision: "Model reglament form: applicant variants [choice]",
        az: "Şərt variantlarda təyin edilməmiş \"{id}\" atributuna və ya qiymətinə istinad edir.",
        en: "The condition names \"{id}\", which is no attribute or value defined in the variants.",
        ru: "Условие ссылается на \"{id}\" — такого признака или значения в вариантах нет.",
    },
    Rule {
        code: "DXER-Q003",
        severity: Warning,
        title: "empty condition",
        provision: "Model reglament form §2 (fees and their conditions) [choice]",
        az: "Şərt boşdur: kanal, istifadəçi kateqoriyası, atribut və ya mətn göstərin, yoxsa şərti silin.",
        en: "The condition is empty: give a channel, a user category, an attribute or a text, or remove it.",
        ru: "Условие пустое: укажите канал, категорию пользователей, признак или текст либо удалите его.",
    },
    Rule {
        code: "DXER-Q004",
        severity: Warning,
        title: "group of alternative documents with one document",
        provision: "Presidential decree of 23 May 2011, §2.2 (exact list of documents)",
        az: "\"{group}\" alternativ qrupunda yalnız bir sənəd var; \"aşağıdakılardan biri\" üçün ən azı iki sənəd olmalıdır.",
        en: "The group of alternatives \"{group}\" has one document only; \"one of the following\" needs at least two.",
        ru: "В группе альтернатив \"{group}\" только один документ; для «одного из следующих» нужно не меньше двух.",
    },
    Rule {
        code: "DXER-Q005",
        severity: Error,
        title: "empty range in a condition",
        provision: "Model reglament form: conditions of the service [choice]",
        az: "Aralıq boşdur: {from} ilə {to} arasında heç nə yoxdur.",
        en: "The range is empty: nothing lies between {from} and {to}.",
        ru: "Диапазон пуст: между {from} и {to} ничего нет.",
    },
    // ---- H: text hygiene ---------------------------------------------------------------------------
    Rule {
        code: "DXER-H001",
        severity: Error,
        title: "Cyrillic look-alike letters in Azerbaijani text",
        provision: "CM decision No. 129 (2026), annex 3: correctness of registry data; Azerbaijani Latin alphabet [reconstruction]",
        az: "Azərbaycan mətnində kiril hərfləri var: {letters} ({words}). Düzəliş: latın hərfləri ilə əvəz edin.",
        en: "Azerbaijani text contains Cyrillic letters: {letters} (in {words}). Fix: replace them with the Latin letters.",
        ru: "В азербайджанском тексте есть кириллические буквы: {letters} (в словах {words}). Исправление: заменить латинскими.",
    },
    Rule {
        code: "DXER-H002",
        severity: Warning,
        title: "Cyrillic word in Azerbaijani text",
        provision: "CM decision No. 129 (2026), annex 3: correctness of registry data; Azerbaijani Latin alphabet [reconstruction]",
        az: "Azərbaycan mətnində kiril əlifbası ilə yazılmış söz var: {words}. Rusca mətni \"ru\" sahəsinə köçürün.",
        en: "Azerbaijani text contains words in Cyrillic script: {words}. Move Russian text to the \"ru\" field.",
        ru: "В азербайджанском тексте есть слова на кириллице: {words}. Перенесите русский текст в поле \"ru\".",
    },
    // ---- P, K: code lists --------------------------------------------------------------------------
    Rule {
        code: "DXER-P001",
        severity: Error,
        title: "unknown provider",
        provision: "CM decision No. 129 (2026), §6 (who submits reglaments)",
        az: "\"{code}\" təminatçı kodu təminatçılar siyahısında yoxdur.",
        en: "Provider code \"{code}\" is not in the provider code list.",
        ru: "Код поставщика \"{code}\" отсутствует в списке поставщиков.",
    },
    Rule {
        code: "DXER-P002",
        severity: Error,
        title: "dissolved provider",
        provision: "CM decision No. 129 (2026), §6 (who submits reglaments)",
        az: "\"{code}\" ({name}) {on} artıq fəaliyyət göstərmir ({since}): onun hüquqi varisi göstərilməlidir: {successors}.",
        en: "\"{code}\" ({name}) no longer existed {on} ({since}): use its successor {successors}.",
        ru: "\"{code}\" ({name}) уже не существовал {on} ({since}): укажите правопреемника: {successors}.",
    },
    Rule {
        code: "DXER-K001",
        severity: Error,
        title: "wrong service area",
        provision: DATA_LIST,
        az: "\"{code}\" xidmət sahəsi kodu yanlışdır: {why}.",
        en: "Service area code \"{code}\" is wrong: {why}.",
        ru: "Код сферы услуг \"{code}\" неверен: {why}.",
    },
    Rule {
        code: "DXER-D001",
        severity: Error,
        title: "dates out of order",
        provision: DATA_LIST,
        az: "{later} tarixi ({later_date}) {earlier} tarixindən ({earlier_date}) əvvəl ola bilməz.",
        en: "{later} ({later_date}) cannot be before {earlier} ({earlier_date}).",
        ru: "{later} ({later_date}) не может быть раньше, чем {earlier} ({earlier_date}).",
    },
    // ---- W: registry workflow (statute of DXER, Law 279-VIIQ deadlines) --------------------------------
    Rule {
        code: "DXER-W001",
        severity: Error,
        title: "event not allowed in this state",
        provision: "CM decision No. 129 (2026), annex 3: DXER statute (registry workflow) [reconstruction]",
        az: "\"{event}\" hadisəsi \"{state}\" vəziyyətində mümkün deyil; mümkün olanlar: {allowed}.",
        en: "Event \"{event}\" is not allowed in state \"{state}\"; allowed: {allowed}.",
        ru: "Событие \"{event}\" недопустимо в состоянии \"{state}\"; допустимы: {allowed}.",
    },
    Rule {
        code: "DXER-W002",
        severity: Error,
        title: "event dated before the previous one",
        provision: "CM decision No. 129 (2026), annex 3: DXER statute (registry workflow) [reconstruction]",
        az: "Hadisənin tarixi ({date}) əvvəlki hadisənin tarixindən ({previous}) əvvəldir.",
        en: "The event is dated {date}, before the previous event ({previous}).",
        ru: "Дата события ({date}) раньше даты предыдущего события ({previous}).",
    },
    Rule {
        code: "DXER-W003",
        severity: Error,
        title: "deadline cannot be computed",
        provision: "Labour Code art. 105 (working days); Law No. 279-VIIQ (2025) deadlines",
        az: "Son tarixi hesablamaq mümkün deyil: {detail}.",
        en: "The deadline cannot be computed: {detail}.",
        ru: "Невозможно вычислить срок: {detail}.",
    },
    Rule {
        code: "DXER-W004",
        severity: Error,
        title: "returned too many times",
        provision: "CM decision No. 129 (2026), annex 3: DXER statute (policy: max_returns) [reconstruction]",
        az: "Təqdimat artıq {count} dəfə qaytarılıb; siyasətə görə ən çoxu {max} dəfə qaytarıla bilər.",
        en: "The submission was already returned {count} time(s); the policy allows at most {max}.",
        ru: "Представление уже возвращалось {count} раз(а); политика допускает не более {max}.",
    },
    Rule {
        code: "DXER-W005",
        severity: Error,
        title: "new version changes nothing",
        provision: "CM decision No. 129 (2026), annex 3: DXER statute (amendments) [reconstruction]",
        az: "Yeni versiya əvvəlkindən heç nə ilə fərqlənmir.",
        en: "The new version does not change anything.",
        ru: "Новая версия ничем не отличается от предыдущей.",
    },
    Rule {
        code: "DXER-W006",
        severity: Error,
        title: "return without defects",
        provision: "Law No. 279-VIIQ (2025): the operator notifies the provider of the defects [reconstruction]",
        az: "Qaytarma bildirişində çatışmazlıqlar göstərilməyib.",
        en: "The return notice lists no defects.",
        ru: "В уведомлении о возврате не перечислены недостатки.",
    },
    Rule {
        code: "DXER-W007",
        severity: Error,
        title: "a record with errors cannot be registered",
        provision: "Law No. 279-VIIQ (2025) on State Services: the operator checks completeness and correctness and returns defects (as reported on adoption) [reconstruction]; Workflow policy `register_only_without_errors` [choice]",
        az: "Qeyddə {count} xəta var ({codes}): düzəldilməmiş qeyd qeydiyyata alına bilməz; onu çatışmazlıqlarla qaytarın.",
        en: "The record has {count} error(s) ({codes}): it cannot be registered before they are fixed; return it with the defects.",
        ru: "В записи ошибок: {count} ({codes}); до их исправления запись нельзя зарегистрировать — верните её с замечаниями.",
    },
    Rule {
        code: "DXER-W010",
        severity: Warning,
        title: "duty overdue",
        provision: "Law No. 279-VIIQ (2025); CM decision No. 129 (2026), §6 (30/7/7 working days)",
        az: "Son tarix ({duty}) {due} idi: {days} iş günü gecikir.",
        en: "The {duty} was due on {due}: {days} working day(s) overdue.",
        ru: "Срок ({duty}) истёк {due}: просрочка {days} рабочих дн.",
    },
    Rule {
        code: "DXER-W011",
        severity: Info,
        title: "duty due soon",
        provision: "Law No. 279-VIIQ (2025); CM decision No. 129 (2026), §6 (30/7/7 working days)",
        az: "Son tarix ({duty}) {due}: {days} iş günü qalıb.",
        en: "The {duty} is due on {due}: {days} working day(s) left.",
        ru: "Срок ({duty}) — {due}: осталось {days} рабочих дн.",
    },
    // ---- X: registry as a whole (cross-record) --------------------------------------------------------
    Rule {
        code: "DXER-X001",
        severity: Error,
        title: "duplicate service code",
        provision: "CM decision No. 129 (2026), annex 2: DXER data list (unique service code)",
        az: "{code} xidmət kodu başqa qeyddə də istifadə olunub: {other}.",
        en: "Service code {code} is also used by record {other}.",
        ru: "Код услуги {code} используется также в записи {other}.",
    },
    Rule {
        code: "DXER-X002",
        severity: Error,
        title: "component service not in the registry",
        provision: "Model reglament form §1 (composite service) [reconstruction]",
        az: "{code} tərkib xidməti reyestrdə yoxdur.",
        en: "Component service {code} is not in the registry.",
        ru: "Составная услуга {code} отсутствует в реестре.",
    },
    Rule {
        code: "DXER-X003",
        severity: Error,
        title: "component service no longer provided",
        provision: "Model reglament form §1 (composite service) [reconstruction]",
        az: "{code} tərkib xidməti artıq göstərilmir (status: {status}).",
        en: "Component service {code} is no longer provided (status: {status}).",
        ru: "Составная услуга {code} больше не оказывается (статус: {status}).",
    },
    Rule {
        code: "DXER-X004",
        severity: Warning,
        title: "services of a dissolved provider",
        provision: "CM decision No. 129 (2026), §6 (who submits reglaments)",
        az: "Ləğv edilmiş \"{provider}\" qurumunun {count} xidməti var: onlar \"{successor}\" qurumuna verilməlidir.",
        en: "Dissolved provider \"{provider}\" still has {count} service(s): reassign them to \"{successor}\".",
        ru: "У упразднённого поставщика \"{provider}\" осталось услуг: {count}; передайте их \"{successor}\".",
    },
    Rule {
        code: "DXER-X005",
        severity: Error,
        title: "information system not registered",
        provision: "CM decision No. 129 (2026), §4.1 (unified register of state information resources and systems)",
        az: "{code} informasiya sistemi dövlət informasiya sistemlərinin vahid reyestrində qeydiyyatda deyil.",
        en: "Information system {code} is not entered in the unified register of state information systems.",
        ru: "Информационная система {code} не внесена в единый реестр государственных информационных систем.",
    },
    Rule {
        code: "DXER-X006",
        severity: Error,
        title: "duplicate record version",
        provision: "CM decision No. 129 (2026), annex 2: DXER data list (record id and version)",
        az: "{record_id} qeydinin {version} versiyası iki dəfə yüklənib.",
        en: "Version {version} of record {record_id} is loaded twice.",
        ru: "Версия {version} записи {record_id} загружена дважды.",
    },
    Rule {
        code: "DXER-X007",
        severity: Error,
        title: "information-system card invalid",
        provision: "CM decision No. 129 (2026), §4.1 (unified register of state information resources and systems)",
        az: "İnformasiya sisteminin qeydiyyat kartı qəbul edilmir: {detail}.",
        en: "The information-system registration card is not accepted: {detail}.",
        ru: "Регистрационная карточка информационной системы не принята: {detail}.",
    },
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().find(|r| r.code == code)
}

/// Renders the catalogue as the Markdown table of `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rule catalogue\n\nGenerated from `core/src/rules/catalogue.rs` (`cargo test` fails when this file is stale;\n\
         regenerate with `DXER_BLESS=1 cargo test -p dxer --test catalogue`).\n\n\
         | code | scope | severity | rule | provision | message (en) |\n|---|---|---|---|---|---|\n",
    );
    for r in CATALOGUE {
        out.push_str(&format!(
            "| `{}` | {:?} | {} | {} | {} | {} |\n",
            r.code,
            r.scope(),
            r.severity,
            r.title,
            r.provision,
            r.en.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_within_groups_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for r in CATALOGUE {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            let tail = r.code.strip_prefix("DXER-").expect("DXER- prefix");
            assert_eq!(tail.len(), 4, "{}", r.code);
            assert!(tail.as_bytes()[0].is_ascii_uppercase());
            assert!(tail[1..].bytes().all(|b| b.is_ascii_digit()));
            assert!(!r.az.is_empty() && !r.en.is_empty() && !r.ru.is_empty() && !r.provision.is_empty());
        }
    }

    #[test]
    fn templates_use_the_same_placeholders_in_every_language() {
        fn names(t: &str) -> std::collections::BTreeSet<&str> {
            t.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect()
        }
        for r in CATALOGUE {
            assert_eq!(names(r.az), names(r.en), "{} az/en placeholders differ", r.code);
            assert_eq!(names(r.ru), names(r.en), "{} ru/en placeholders differ", r.code);
        }
    }
}
