export { countBarriers } from './careers.service';
