import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';

export interface Problem {
  /** The id of the input the problem is about, for the link; none for a form-wide problem. */
  fieldId?: string;
  message: string;
}

/** The list of what is wrong, at the top of the form; it takes focus (and is announced) when it appears. */
export function ErrorSummary({ problems }: { problems: Problem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">
        <FormattedMessage id="form.errorSummary" />
      </h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p.fieldId ? <a href={`#${p.fieldId}`}>{p.message}</a> : p.message}</li>
        ))}
      </ul>
    </div>
  );
}
