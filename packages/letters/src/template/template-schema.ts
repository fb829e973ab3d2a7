/**
 * What a template may name: every variable of a document type, its type (which
 * decides how it is formatted) and its documentation in both languages, which the
 * template editor shows. Anything not declared here is an unknown variable.
 */
export type VariableSpec =
  | { readonly type: 'text' | 'money' | 'date' | 'number' | 'boolean'; readonly doc: Doc }
  | { readonly type: 'list'; readonly item: TemplateSchema; readonly doc: Doc }
  | { readonly type: 'record'; readonly fields: TemplateSchema; readonly doc: Doc };

export interface Doc {
  readonly fr: string;
  readonly en: string;
}

export type TemplateSchema = Readonly<Record<string, VariableSpec>>;

/** A money value as templates receive it: formatted at rendering, in the reader's language. */
export interface MoneyValue {
  readonly cents: number;
  readonly currency: string;
}

/** Values templates are rendered with; built by our code from the case facts, never by users. */
export type TemplateValue = string | number | boolean | MoneyValue | null | readonly TemplateData[] | TemplateData;
export interface TemplateData {
  readonly [name: string]: TemplateValue;
}
