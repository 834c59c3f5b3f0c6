import { Button, Input, Table } from '../../../platform/ui/components';
import type { SchoolListEntry } from '../establishments.service';

export interface SchoolListPageData {
  query: string;
  results: SchoolListEntry[] | null;
  total: number;
}

/** Finding a school on the national list: for checking a URN or an address, and the picker's page on its own. */
export function SchoolListPage({ data }: { data: SchoolListPageData }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Find a school</h1>
        <p class="govuk-body">
          The school list holds {data.total.toLocaleString('en-GB')} schools and other establishments in England, from the Department for Education’s “Get
          information about schools”.
        </p>
        <form method="get" action="/school-list">
          <Input
            id="q"
            name="q"
            type="search"
            label={{ text: 'School name, URN or postcode', classes: 'govuk-label--s' }}
            value={data.query}
            autocomplete="off"
            spellcheck={false}
          />
          <Button text="Search" />
        </form>
      </div>
      <div class="govuk-grid-column-full">
        {data.results === null ? null : data.results.length === 0 ? (
          <p class="govuk-body">No school matches “{data.query}”.</p>
        ) : (
          <Table
            caption={`${data.results.length === 20 ? 'The first 20 schools' : `${data.results.length} school${data.results.length === 1 ? '' : 's'}`} matching “${data.query}”`}
            captionClasses="govuk-table__caption--s"
            head={[{ text: 'School' }, { text: 'URN' }, { text: 'Phase' }, { text: 'Local authority' }, { text: 'Address' }, { text: 'Status' }]}
            rows={data.results.map((s) => [
              { text: s.name },
              { text: s.urn },
              { text: s.phase },
              { text: s.localAuthority },
              { text: s.address.join(', ') },
              { text: s.status },
            ])}
          />
        )}
      </div>
    </div>
  );
}
