// copydesk's own config: the copydesk CLI, `remark` (remark-cli), hooks, CI and editors read it.
// Severity per rule: 'off' | 'warn' | 'error', or [severity, options].
import copydesk from 'copydesk'

export default {
  plugins: [
    [
      copydesk,
      {
        rules: {
          // referenceCurrency: what conversions should give; notation: 'auto' (each currency's majority),
          // 'symbol', 'code' or 'word'; `currency` (what ¥ and bare $ mean) is best set per article in front matter.
          'currency-consistency': ['warn', {referenceCurrency: 'USD', notation: 'auto'}]
        }
      }
    ]
  ]
}
