import type {OptionSchema} from '../../src/plugin/options.js'

// No options yet: any option given for this rule is a config error.
export const options: OptionSchema = {}
