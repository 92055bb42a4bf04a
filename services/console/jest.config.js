import { testTiers } from '@cttech/testing/jest-preset';

export default testTiers(import.meta.dirname);
