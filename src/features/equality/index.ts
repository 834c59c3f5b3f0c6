export {
  CHARACTERISTICS,
  type Characteristic,
  type CharacteristicKey,
  NOT_GIVEN_TEXT,
  PREFER_NOT,
  PREFER_NOT_TEXT,
  reportGroupOf,
  reportGroupsOf,
} from './equality.schemas';
