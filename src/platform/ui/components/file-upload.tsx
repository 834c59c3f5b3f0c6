import { FormGroup, beforeOrAfterInput, labelHintAndErrorMessage, type FormControlParams } from './form-group';
import type { PluralMessages } from './character-count';
import { attrs, cx, i18nAttrs, s, withAttrs, type Attributes } from './shared';

/** Params of the `govukFileUpload` macro. */
export interface FileUploadParams extends FormControlParams {
  /** Not rendered by the template (browsers ignore `value` on file inputs); kept for parity. */
  value?: string;
  disabled?: boolean;
  multiple?: boolean;
  describedBy?: string;
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
}

/** GOV.UK file upload (`govukFileUpload`). */
export function FileUpload(params: FileUploadParams) {
  const formGroup = params.formGroup;
  const { id, describedBy, elements: labelHintAndError } = labelHintAndErrorMessage(params);

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
    <FormGroup formGroup={formGroup} errorMessage={params.errorMessage}>
      {labelHintAndError}
      {beforeOrAfterInput(formGroup?.beforeInput)}
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
      {beforeOrAfterInput(formGroup?.afterInput)}
    </FormGroup>
  );
}
