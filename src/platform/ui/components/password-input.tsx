import { Button } from './button';
import { appendedFormGroupAttributes, beforeOrAfterInput, type FormControlParams } from './form-group';
import { Input } from './input';
import { cx, i18nAttrs } from './shared';

/** Params of the `govukPasswordInput` macro. */
export interface PasswordInputParams extends FormControlParams {
  value?: string;
  disabled?: boolean;
  describedBy?: string;
  /** Default `current-password`; use `new-password` on sign-up forms. */
  autocomplete?: string;
  showPasswordText?: string;
  hidePasswordText?: string;
  showPasswordAriaLabelText?: string;
  hidePasswordAriaLabelText?: string;
  passwordShownAnnouncementText?: string;
  passwordHiddenAnnouncementText?: string;
  button?: { classes?: string };
}

/** GOV.UK password input (`govukPasswordInput`) with its show/hide toggle button. */
export function PasswordInput(params: PasswordInputParams) {
  const id = params.id ? params.id : params.name;
  const formGroup = params.formGroup;

  const attributes = {
    ...appendedFormGroupAttributes(formGroup?.attributes),
    'data-module': 'govuk-password-input',
    ...i18nAttrs('show-password', params.showPasswordText),
    ...i18nAttrs('hide-password', params.hidePasswordText),
    ...i18nAttrs('show-password-aria-label', params.showPasswordAriaLabelText),
    ...i18nAttrs('hide-password-aria-label', params.hidePasswordAriaLabelText),
    ...i18nAttrs('password-shown-announcement', params.passwordShownAnnouncementText),
    ...i18nAttrs('password-hidden-announcement', params.passwordHiddenAnnouncementText),
  };

  const button = (
    <>
      <Button
        type="button"
        classes={cx('govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle', params.button?.classes)}
        text={params.showPasswordText !== undefined ? params.showPasswordText : 'Show'}
        attributes={{
          'aria-controls': id,
          'aria-label': params.showPasswordAriaLabelText !== undefined ? params.showPasswordAriaLabelText : 'Show password',
          hidden: { value: true, optional: true },
        }}
      />
      {beforeOrAfterInput(formGroup?.afterInput)}
    </>
  );

  return (
    <Input
      formGroup={{
        classes: cx('govuk-password-input', formGroup?.classes),
        attributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: { html: button },
      }}
      inputWrapper={{ classes: 'govuk-password-input__wrapper' }}
      label={params.label}
      hint={params.hint}
      classes={cx('govuk-password-input__input govuk-js-password-input-input', params.classes)}
      errorMessage={params.errorMessage}
      id={id}
      name={params.name}
      type="password"
      spellcheck={false}
      autocapitalize="none"
      autocomplete={params.autocomplete ? params.autocomplete : 'current-password'}
      value={params.value}
      disabled={params.disabled}
      describedBy={params.describedBy}
      attributes={params.attributes}
    />
  );
}
