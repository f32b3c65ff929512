// Named re-exports only: several modules are client components ("use client"), and
// explicit names keep this barrel safe to import from server components.
export { cn } from "./lib/utils";

export { Alert, AlertDescription, AlertTitle, alertVariants, type AlertProps } from "./alert";
export {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogOverlay,
  AlertDialogPortal,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./alert-dialog";
export {
  AppShell,
  type AppShellLabels,
  type AppShellProps,
  type LinkComponent,
  type NavItem,
} from "./app-shell";
export {
  AgencySwitcher,
  ChoiceMenu,
  type ChoiceMenuProps,
  LanguageSwitcher,
  UserMenu,
  type AgencySwitcherProps,
  type LanguageSwitcherProps,
  type Locale,
  type Membership,
  type UserMenuProps,
} from "./app-shell-menus";
export { Badge, badgeVariants, type BadgeProps } from "./badge";
export { Button, buttonVariants, focusRing, type ButtonProps } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card";
export { DataTable, type DataTableLabels, type DataTableProps } from "./data-table";
export {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogOverlay,
  DialogPortal,
  DialogTitle,
  DialogTrigger,
  type DialogContentProps,
} from "./dialog";
export { FormDialog, type FormDialogProps } from "./form-dialog";
export {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuPortal,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "./dropdown-menu";
export {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  useFormField,
} from "./form";
export { Input, type InputProps } from "./input";
export { Label, type LabelProps } from "./label";
export {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "./select";
export {
  FilterSelect,
  NativeSelect,
  NativeSelectField,
  type NativeSelectProps,
} from "./native-select";
export { Separator } from "./separator";
export { Skeleton } from "./skeleton";
export { Spinner, type SpinnerProps } from "./spinner";
export {
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  type EmptyStateProps,
  type ErrorStateProps,
  type LoadingStateProps,
  type PageHeaderProps,
} from "./states";
export { Textarea, type TextareaProps } from "./textarea";
export { TextareaField } from "./textarea-field";
export { DateTimeField, localDateTime } from "./date-time-field";
export { StatusToggles, toggledStatuses } from "./status-toggles";
export { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "./tooltip";
export {
  SignInForm,
  type SignInErrorCode,
  type SignInFormLabels,
  type SignInFormProps,
} from "./sign-in-form";
export { AppFrame, type AppFrameProps } from "./app-frame";
export { QueryTable, type QueryTableProps } from "./query-table";
export { SelectField } from "./select-field";
export {
  useErrorMessage,
  useTranslateMessage,
  type ServerError,
  type TranslateMessage,
} from "./server-error";
export {
  changedSince,
  serverSubmit,
  translatedResolver,
  useServerForm,
  type ChangedMeanwhile,
  type ServerForm,
  type ServerFormOptions,
} from "./server-form";
export {
  listHref,
  listPlaceReader,
  type AddressParams,
  type FiltersOf,
  type ListPlace,
  type ReadListPlace,
} from "./list-place";
export { useUrlList } from "./url-list";
export { useUrlPlace } from "./url-place";
