import { tablePersonalData } from '../../platform/personal-data';

/** Recommendations for the person are theirs; those they made for others keep saying a former member of staff recommended. */
export const programmesPersonalData = tablePersonalData({
  own: [{ table: 'recommendations', column: 'person_id', label: 'recommendations for you' }],
  doneBy: [{ table: 'recommendations', column: 'recommended_by' }],
});
