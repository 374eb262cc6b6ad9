import type { CSSProperties } from 'react'

export interface FilterOption {
  value: string
  label: string
}

/**
 * A labelled filter drop-down that applies as it changes (no button): the dashboard's and the
 * calendar's filters. "All" is the empty value.
 */
export function FilterSelect({
  name,
  label,
  all,
  value,
  options,
  onChange,
  testId,
  style,
  selectStyle,
}: {
  name: string
  label: string
  all: string
  value: string
  options: readonly FilterOption[]
  onChange: (value: string) => void
  testId: string
  style?: CSSProperties
  selectStyle?: CSSProperties
}) {
  return (
    <label style={style}>
      {label}
      <select
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        style={selectStyle}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
