//! Rules of the catalogue, group J (input) and S (structure): what the text and the JSON Schema say.

use super::FORM;
use super::{choice, Rule};
use crate::report::Severity::Error;

pub(super) const RULES: &[Rule] = &[
    // ---- J: input --------------------------------------------------------------------------------
    Rule {
        code: "DXER-J001",
        severity: Error,
        title: "invalid JSON",
        provision: choice("dxer's JSON exchange format (RFC 8259) [choice]"),
        az: "JSON oxunmur: {detail} (sətir {line}, sütun {column}).",
        en: "Invalid JSON: {detail} (line {line}, column {column}).",
        ru: "Некорректный JSON: {detail} (строка {line}, столбец {column}).",
    },
    Rule {
        code: "DXER-J002",
        severity: Error,
        title: "invalid UTF-8",
        provision: choice("dxer's JSON exchange format (UTF-8 text) [choice]"),
        az: "Mətn UTF-8 deyil: {offset} baytında yanlış ardıcıllıq (sətir {line}, sütun {column}).",
        en: "Input is not UTF-8: invalid byte sequence at byte {offset} (line {line}, column {column}).",
        ru: "Текст не в UTF-8: неверная последовательность в байте {offset} (строка {line}, столбец {column}).",
    },
    Rule {
        code: "DXER-J003",
        severity: Error,
        title: "input exceeds a limit",
        provision: choice("dxer's input limits (`Options`) [choice]"),
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
];
