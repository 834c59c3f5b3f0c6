import { appendedFormGroupAttributes, beforeOrAfterInput, type FormControlParams } from './form-group';
import { Hint } from './hint';
import { attrs, cx, i18nAttrs, s } from './shared';
import { Textarea } from './textarea';

/** Plural forms keyed by CLDR plural rule (`one`, `other`, ...). */
export type PluralMessages = Record<string, string>;

/** Params of the `govukCharacterCount` macro. */
export interface CharacterCountParams extends FormControlParams {
  rows?: string | number;
  value?: string;
  maxlength?: string | number;
  maxwords?: string | number;
  threshold?: string | number;
  /** `characters` (default) or `words`. */
  countType?: string;
  spellcheck?: boolean;
  countMessage?: { classes?: string };
  textareaDescriptionText?: string;
  charactersUnderLimitText?: PluralMessages;
  charactersAtLimitText?: string;
  charactersOverLimitText?: PluralMessages;
  wordsUnderLimitText?: PluralMessages;
  wordsAtLimitText?: string;
  wordsOverLimitText?: PluralMessages;
}

/** GOV.UK character count (`govukCharacterCount`): a textarea with a live count message. */
export function CharacterCount(params: CharacterCountParams) {
  const countType = params.countType ? params.countType : params.maxwords ? 'words' : undefined;
  const hasNoLimit = !params.maxwords && !params.maxlength;
  const textareaDescriptionLength = params.maxwords || params.maxlength;
  const textareaDescriptionText = params.textareaDescriptionText || `You can enter up to %{count} ${countType === 'words' ? 'words' : 'characters'}`;
  const textareaDescriptionTextNoLimit = !hasNoLimit ? textareaDescriptionText.replaceAll('%{count}', s(textareaDescriptionLength)) : undefined;
  const id = params.id ? params.id : params.name;
  const formGroup = params.formGroup;

  const countMessage = (
    <>
      <Hint text={textareaDescriptionTextNoLimit} id={`${id}-info`} classes={cx('govuk-character-count__message', params.countMessage?.classes)} />
      {beforeOrAfterInput(formGroup?.afterInput)}
    </>
  );

  const attributes = {
    ...appendedFormGroupAttributes(formGroup?.attributes),
    ...attrs({
      'data-module': 'govuk-character-count',
      'data-maxlength': { value: params.maxlength, optional: true },
      'data-maxwords': { value: params.maxwords, optional: true },
      'data-threshold': { value: params.threshold, optional: true },
      'data-count-type': { value: countType ? countType : false, optional: true },
    }),
    ...(hasNoLimit && params.textareaDescriptionText ? i18nAttrs('textarea-description', undefined, { other: params.textareaDescriptionText }) : {}),
    ...i18nAttrs('characters-under-limit', undefined, params.charactersUnderLimitText),
    ...i18nAttrs('characters-at-limit', params.charactersAtLimitText),
    ...i18nAttrs('characters-over-limit', undefined, params.charactersOverLimitText),
    ...i18nAttrs('words-under-limit', undefined, params.wordsUnderLimitText),
    ...i18nAttrs('words-at-limit', params.wordsAtLimitText),
    ...i18nAttrs('words-over-limit', undefined, params.wordsOverLimitText),
  };

  return (
    <Textarea
      id={id}
      name={params.name}
      describedBy={`${id}-info`}
      rows={params.rows}
      spellcheck={params.spellcheck}
      value={params.value}
      formGroup={{
        classes: cx('govuk-character-count', formGroup?.classes),
        attributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: { html: countMessage },
      }}
      classes={cx('govuk-js-character-count', params.classes)}
      label={{
        html: params.label?.html,
        text: params.label?.text,
        classes: params.label?.classes,
        isPageHeading: params.label?.isPageHeading,
        attributes: params.label?.attributes,
        for: id,
      }}
      hint={params.hint}
      errorMessage={params.errorMessage}
      attributes={params.attributes}
    />
  );
}
