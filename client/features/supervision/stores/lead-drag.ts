import { create } from 'zustand';
import type { ContactSummary } from '../../../../shared/schemas/contact';

/**
 * The conversation a lead is dragging on the console, if any: the agent rows and the queue drop
 * zone read it to show which of them accept the drop and why the others do not. Kept here rather
 * than in the drag's dataTransfer, which a drop target may not read while the drag is over it.
 */
interface LeadDragState {
  dragged: ContactSummary | null;
  startDrag: (contact: ContactSummary) => void;
  endDrag: () => void;
}

export const useLeadDrag = create<LeadDragState>((set) => ({
  dragged: null,
  startDrag: (contact) => set({ dragged: contact }),
  endDrag: () => set({ dragged: null }),
}));

/** The MIME type a dragged conversation carries (its id), so other drops ignore it. */
export const CONVERSATION_DRAG_TYPE = 'application/x-tanggap-conversation';
