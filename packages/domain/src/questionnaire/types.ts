/**
 * The parts of HL7 FHIR R4 `Questionnaire` and `QuestionnaireResponse` (http://hl7.org/fhir/R4/questionnaire.html) that
 * Mamori reads, with the Structured Data Capture (SDC) extensions carried as ordinary `extension` entries. Unknown
 * properties are kept as they are: a definition written elsewhere passes through untouched.
 */

export type Coding = { system?: string; version?: string; code?: string; display?: string };
export type Quantity = { value?: number; comparator?: string; unit?: string; system?: string; code?: string };
export type Reference = { reference?: string; display?: string };
export type Attachment = { contentType?: string; url?: string; title?: string; data?: string };

/** An SDC `Expression` (valueExpression of the expression extensions). */
export type Expression = { language?: string; expression?: string; name?: string; description?: string };

export type Extension = {
  url: string;
  extension?: Extension[];
  valueBoolean?: boolean;
  valueString?: string;
  valueCode?: string;
  valueInteger?: number;
  valueDecimal?: number;
  valueUri?: string;
  valueId?: string;
  valueExpression?: Expression;
  valueCoding?: Coding;
  valueCodeableConcept?: { coding?: Coding[]; text?: string };
  [key: string]: unknown;
};

export const QUESTIONNAIRE_ITEM_TYPES = [
  "group",
  "display",
  "boolean",
  "decimal",
  "integer",
  "date",
  "dateTime",
  "time",
  "string",
  "text",
  "url",
  "choice",
  "open-choice",
  "attachment",
  "reference",
  "quantity",
] as const;
export type QuestionnaireItemType = (typeof QUESTIONNAIRE_ITEM_TYPES)[number];

/** The typed value of an answer, an answer option, an initial value or an enableWhen comparison. */
export type ValueX = {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueUri?: string;
  valueAttachment?: Attachment;
  valueCoding?: Coding;
  valueQuantity?: Quantity;
  valueReference?: Reference;
};

export type AnswerOption = ValueX & { initialSelected?: boolean; extension?: Extension[] };

export type EnableWhenOperator = "exists" | "=" | "!=" | ">" | "<" | ">=" | "<=";

export type EnableWhen = {
  question: string;
  operator: EnableWhenOperator;
  answerBoolean?: boolean;
  answerDecimal?: number;
  answerInteger?: number;
  answerDate?: string;
  answerDateTime?: string;
  answerTime?: string;
  answerString?: string;
  answerCoding?: Coding;
  answerQuantity?: Quantity;
  answerReference?: Reference;
};

export type QuestionnaireItem = {
  linkId: string;
  definition?: string;
  code?: Coding[];
  prefix?: string;
  text?: string;
  type: QuestionnaireItemType;
  enableWhen?: EnableWhen[];
  enableBehavior?: "all" | "any";
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  answerValueSet?: string;
  answerOption?: AnswerOption[];
  initial?: ValueX[];
  item?: QuestionnaireItem[];
  extension?: Extension[];
  _text?: { extension?: Extension[] };
};

export type Questionnaire = {
  resourceType: "Questionnaire";
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: "draft" | "active" | "retired" | "unknown";
  date?: string;
  publisher?: string;
  description?: string;
  extension?: Extension[];
  item?: QuestionnaireItem[];
  [key: string]: unknown;
};

export type QuestionnaireResponseAnswer = ValueX & { item?: QuestionnaireResponseItem[] };

export type QuestionnaireResponseItem = {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
  extension?: Extension[];
};

export type QuestionnaireResponse = {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire?: string;
  status: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  authored?: string;
  item?: QuestionnaireResponseItem[];
  extension?: Extension[];
  [key: string]: unknown;
};
