import { attrs, cx, htmlOrText, type Attributes, type TextOrHtml } from './shared';
import { Tag, type TagParams } from './tag';

/** One task. */
export interface TaskListItem {
  title?: TextOrHtml & { classes?: string };
  hint?: TextOrHtml;
  /** Status text/html, or a `tag` to show the status as a tag. */
  status?: TextOrHtml & { tag?: TagParams; classes?: string };
  /** Link to the task; without it the task is shown as not yet available. */
  href?: string;
  classes?: string;
}

/** Params of the `govukTaskList` macro. */
export interface TaskListParams {
  items?: (TaskListItem | null | undefined | false)[];
  /** Prefix of the hint and status ids, default `task-list`. */
  idPrefix?: string;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK task list (`govukTaskList`). */
export function TaskList(params: TaskListParams) {
  const idPrefix = params.idPrefix ? params.idPrefix : 'task-list';
  return (
    <ul {...attrs(params.attributes)} class={cx('govuk-task-list', params.classes)}>
      {(params.items ?? []).map((item, i) => {
        if (!item) return null;
        const index = i + 1;
        const hintId = `${idPrefix}-${index}-hint`;
        const statusId = `${idPrefix}-${index}-status`;
        const title = htmlOrText(item.title?.html, item.title?.text);
        return (
          <li class={cx('govuk-task-list__item', item.href && 'govuk-task-list__item--with-link', item.classes)}>
            <div class="govuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  class={cx('govuk-link govuk-task-list__link', item.title?.classes)}
                  href={item.href}
                  aria-describedby={`${item.hint ? `${hintId} ` : ''}${statusId}`}
                >
                  {title}
                </a>
              ) : (
                <div class={item.title?.classes || undefined}>{title}</div>
              )}
              {item.hint ? (
                <div id={hintId} class="govuk-task-list__hint">
                  {htmlOrText(item.hint.html, item.hint.text)}
                </div>
              ) : null}
            </div>
            <div class={cx('govuk-task-list__status', item.status?.classes)} id={statusId}>
              {item.status?.tag ? <Tag {...item.status.tag} /> : htmlOrText(item.status?.html, item.status?.text)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
