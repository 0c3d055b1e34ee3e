import type { SliceCreator } from './slice-types';
import type { ReportActions, ReportState } from './types';

const MIME = { markdown: 'text/markdown;charset=utf-8', text: 'text/plain;charset=utf-8' } as const;

/** The agent's notes are capped where the history record caps them. */
const NOTES_MAX = 20_000;

export const createReportSlice: SliceCreator<ReportState & ReportActions> = (api, env) => (set, get) => ({
  reportTechnical: false,
  setReportTechnical: (reportTechnical) => set({ reportTechnical }),
  setNotes: (notes) => set({ notes: notes.slice(0, NOTES_MAX) }),
  saveReportFile: async (content, kind) => {
    const name = `mail-doctor-${get().caseId.slice(0, 8)}.${kind === 'markdown' ? 'md' : 'txt'}`;
    const res = await api.invoke('file:save', { suggestedName: name, kind, content });
    if (res.ok) {
      if (!res.value.saved) return 'cancelled';
      get().notify({ kind: 'info', key: 'report.saved', params: { path: res.value.path ?? name } });
      return 'saved';
    }
    if (res.error.code === 'E_UNSUPPORTED') {
      // The web host has no native dialog: the browser's own download does the job.
      env.download(name, content, MIME[kind]);
      get().notify({ kind: 'info', key: 'report.savedDownload' });
      return 'download';
    }
    get().notify({ kind: 'error', code: res.error.code, context: 'err.saveFile' });
    return 'error';
  },
  copyText: async (text) => {
    try {
      const res = await api.invoke('clipboard:write-text', { text });
      // The desktop app writes the clipboard itself; the web host says the page must (written: false).
      if (!res.ok || !res.value.written) await env.writeClipboard(text);
      get().notify({ kind: 'info', key: 'app.copied' });
      return true;
    } catch {
      get().notify({ kind: 'info', key: 'app.copyFailed' });
      return false;
    }
  },
  printReport: async () => {
    if (get().info?.capabilities.printToPdf) {
      const res = await api.invoke('file:save', { suggestedName: `mail-doctor-${get().caseId.slice(0, 8)}.pdf`, kind: 'pdf' });
      if (res.ok) {
        if (res.value.saved) get().notify({ kind: 'info', key: 'report.saved', params: { path: res.value.path ?? '' } });
        return;
      }
      if (res.error.code !== 'E_UNSUPPORTED') {
        get().notify({ kind: 'error', code: res.error.code, context: 'err.saveFile' });
        return;
      }
    }
    env.print();
  },
});
