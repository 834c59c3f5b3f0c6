import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Hint, type HintParams } from './hint';
import type { FormGroupParams } from './input';
import { Label, type LabelParams } from './label';
import type { PluralMessages } from './character-count';
import { attrs, cx, htmlOrText, i18nAttrs, s, withAttrs, type Attributes } from './shared';

/** Params of the `govukFileUpload` macro. */
export interface FileUploadParams {
  id?: string;
  name?: string;
  /** Not rendered by the template (browsers ignore `value` on file inputs); kept for parity. */
  value?: string;
  disabled?: boolean;
  multiple?: boolean;
  describedBy?: string;
  label?: LabelParams;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: FormGroupParams;
  /** Enhance with the JavaScript drop zone wrapper. */
  javascript?: boolean;
  wrapperClasses?: string;
  wrapperAttributes?: Attributes;
  chooseFilesButtonText?: string;
  noFileChosenText?: string;
  multipleFilesChosenText?: PluralMessages;
  dropInstructionText?: string;
  enteredDropZoneText?: string;
  leftDropZoneText?: string;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK file upload (`govukFileUpload`). */
export function FileUpload(params: FileUploadParams) {
  let describedBy = params.describedBy ? params.describedBy : '';
  const id = params.id ? params.id : params.name;
  const formGroup = params.formGroup;

  let hint = null;
  if (params.hint) {
    const hintId = `${id}-hint`;
    describedBy = describedBy ? `${describedBy} ${hintId}` : hintId;
    hint = (
      <Hint
        id={hintId}
        classes={params.hint.classes}
        attributes={params.hint.attributes}
        html={params.hint.html}
        text={params.hint.text}
      />
    );
  }

  let error = null;
  if (params.errorMessage) {
    const errorId = `${id}-error`;
    describedBy = describedBy ? `${describedBy} ${errorId}` : errorId;
    error = (
      <ErrorMessage
        id={errorId}
        classes={params.errorMessage.classes}
        attributes={params.errorMessage.attributes}
        html={params.errorMessage.html}
        text={params.errorMessage.text}
        visuallyHiddenText={params.errorMessage.visuallyHiddenText}
      />
    );
  }

  const input = (
    <input
      {...withAttrs(params.attributes, {
        class: cx('govuk-file-upload', params.classes, params.errorMessage && 'govuk-file-upload--error'),
        id: s(id),
        name: s(params.name),
        type: 'file',
        disabled: params.disabled ? true : undefined,
        multiple: params.multiple ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
    />
  );

  return (
    <div
      {...attrs(formGroup?.attributes)}
      class={cx('govuk-form-group', params.errorMessage && 'govuk-form-group--error', formGroup?.classes)}
    >
      <Label
        html={params.label?.html}
        text={params.label?.text}
        classes={params.label?.classes}
        isPageHeading={params.label?.isPageHeading}
        attributes={params.label?.attributes}
        for={id}
      />
      {hint}
      {error}
      {formGroup?.beforeInput ? htmlOrText(formGroup.beforeInput.html, formGroup.beforeInput.text) : null}
      {params.javascript ? (
        <div
          {...attrs(params.wrapperAttributes)}
          class={cx('govuk-file-upload-wrapper', params.wrapperClasses)}
          data-module="govuk-file-upload"
          {...i18nAttrs('choose-files-button', params.chooseFilesButtonText)}
          {...i18nAttrs('no-file-chosen', params.noFileChosenText)}
          {...i18nAttrs('multiple-files-chosen', undefined, params.multipleFilesChosenText)}
          {...i18nAttrs('drop-instruction', params.dropInstructionText)}
          {...i18nAttrs('entered-drop-zone', params.enteredDropZoneText)}
          {...i18nAttrs('left-drop-zone', params.leftDropZoneText)}
        >
          {input}
        </div>
      ) : (
        input
      )}
      {formGroup?.afterInput ? htmlOrText(formGroup.afterInput.html, formGroup.afterInput.text) : null}
    </div>
  );
}
