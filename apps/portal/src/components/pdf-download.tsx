import { useState } from 'react';
import { useIntl } from 'react-intl';
import { errorMessage } from '../lib/messages';

/**
 * A PDF that needs the session's token (registration card, exam card): fetched with the typed client,
 * then handed to the browser as a download. A plain link would carry no token.
 */
export function PdfDownload({ label, fileName, load }: { label: string; fileName: string; load: () => Promise<Blob> }) {
  const intl = useIntl();
  const [problem, setProblem] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  async function download() {
    setPending(true);
    setProblem(undefined);
    try {
      const url = URL.createObjectURL(await load());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(errorMessage(intl, error));
    } finally {
      setPending(false);
    }
  }
  return (
    <div>
      <button type="button" onClick={() => void download()} disabled={pending}>
        {label}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
