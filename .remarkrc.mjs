// copydesk's own config: the copydesk CLI, `remark` (remark-cli), hooks, CI and editors read it.
// Severity per rule: 'off' | 'warn' | 'error', or [severity, options].
import copydesk from './dist/src/preset.js'

export default {
  plugins: [
    [
      copydesk,
      {
        rules: {
          'currency-consistency': ['warn', {referenceCurrency: 'USD'}]
        }
      }
    ]
  ]
}
